# the real r7 workbook: every row used, rejected with a reason or skipped with a counted note
check $SHARED/kiel-ust-r7-xlsx/Ukraine_Support_Tracker.xlsx
