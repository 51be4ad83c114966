# Kiel weapons.csv: 61 rows, 24 donors, values in plain euros, no dates
check $SHARED/kiel-ust-web-r29/weapons.csv
