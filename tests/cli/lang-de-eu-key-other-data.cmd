# German error for an EU key that belongs to other data (the EU institutions' allocations)
--lang de compare --eu-key $SHARED/kiel-ust-web-r29/eu_aid_shares.csv $SHARED/kiel-ust-web-history/2026-07-21-e4ba24e/data_explorer.csv
