# Kiel data_explorer.csv: 1079 rows x 5 value columns, 42 donors, Jan 2022 - Apr 2026
check $SHARED/kiel-ust-web-r29/data_explorer.csv
