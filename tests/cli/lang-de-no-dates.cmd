# German period line for data without dates
--lang de compare --top 3 $SHARED/kiel-ust-web-r29/weapons.csv
