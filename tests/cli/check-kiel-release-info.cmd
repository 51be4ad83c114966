# Kiel release_info.csv: release metadata, not aid rows (nothing rejected)
check $SHARED/kiel-ust-web-r29/release_info.csv
