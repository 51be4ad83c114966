# the release-7 workbook against Release 29, commitments in 2022: revisions to Jan-Sep 2022
# kept apart from Release 29's Oct-Dec 2022; deliveries and allocations are in one file only
diff -q --measure commitment --from 2022 --to 2022 --top 6 $SHARED/kiel-ust-r7-xlsx/Ukraine_Support_Tracker.xlsx $SHARED/kiel-ust-web-r29/data_explorer.csv
