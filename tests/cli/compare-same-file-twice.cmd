# the same file given twice is an error naming both (issue 11, case 1)
compare $SHARED/kiel-ust-web-r29/data_explorer.csv $SHARED/kiel-ust-web-r29/data_explorer.csv
