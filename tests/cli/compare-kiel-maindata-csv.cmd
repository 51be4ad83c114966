# the 2023 CSV save of MAIN DATA by type
compare -q --by type "$SHARED/kiel-ust-maindata-csv/World Wide Aid.csv"
