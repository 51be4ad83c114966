# Release 29's key does not sum to the EU row of an earlier snapshot: refused
compare --eu-key $SHARED/kiel-ust-web-r29/eu_aid_shares.csv $SHARED/kiel-ust-web-history/2026-07-21-e4ba24e/data_explorer.csv
