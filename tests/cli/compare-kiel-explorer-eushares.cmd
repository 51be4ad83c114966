# eu_aid_shares.csv is an attribution key: never added to the EU institutions' own row
compare $SHARED/kiel-ust-web-r29/data_explorer.csv $SHARED/kiel-ust-web-r29/eu_aid_shares.csv
