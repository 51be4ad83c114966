# German error for files that are different views of aid: their roles in German
--lang de compare $SHARED/kiel-ust-web-r29/data_explorer.csv $SHARED/kiel-ust-web-r29/eu_aid_shares.csv
