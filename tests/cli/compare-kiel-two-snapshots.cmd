# two snapshots of Kiel's data_explorer.csv (one without a source, its header being older): the same donor-months, refused
compare $SHARED/kiel-ust-web-history/2026-07-21-e4ba24e/data_explorer.csv $SHARED/kiel-ust-web-r29/data_explorer.csv
