# a report over data_explorer.csv and weapons.csv: refused as compare refuses them, nothing written
report rejected-rows-report.md --data $SHARED/kiel-ust-web-r29/data_explorer.csv --data $SHARED/kiel-ust-web-r29/weapons.csv -o /dev/null/never.pdf
