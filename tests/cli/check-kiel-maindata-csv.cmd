# the 2023 CSV save of MAIN DATA (BOM, quoted thousands, embedded newlines) through the same column mapping
check "$SHARED/kiel-ust-maindata-csv/World Wide Aid.csv"
