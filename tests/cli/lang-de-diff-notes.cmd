# German diff notes: a measure the new file gives without a split by type
--lang de diff -q --measure commitment --from 2022 --to 2022 --top 6 $SHARED/kiel-ust-r7-xlsx/Ukraine_Support_Tracker.xlsx $SHARED/kiel-ust-web-r29/data_explorer.csv
