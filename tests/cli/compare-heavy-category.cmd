# an unknown --heavy-category is refused, naming the workbook's categories
compare --heavy-weapons --heavy-category tanks $SHARED/kiel-ust-r7-xlsx/Ukraine_Support_Tracker.xlsx
