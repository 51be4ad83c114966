# two snapshots of Kiel's data_explorer.csv (the older header without to_be_allocated, labelled Release 30): the same donor-months in two releases, refused
compare $SHARED/kiel-ust-web-history/2026-07-21-e4ba24e/data_explorer.csv $SHARED/kiel-ust-web-r29/data_explorer.csv
