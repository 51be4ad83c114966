# release_info.csv holds no aid: it may come along with the record-level file
compare --top 3 $SHARED/kiel-ust-web-r29/data_explorer.csv $SHARED/kiel-ust-web-r29/release_info.csv
