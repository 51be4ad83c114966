# Kiel weapons.csv: the loader's caveat (no date, measure assumed) must reach the table
compare --top 3 $SHARED/kiel-ust-web-r29/weapons.csv
