# issue 11: the European Peace Facility's 2.5 € bn of military aid is the EU institutions' (the sheet: 2.5)
compare "$SHARED/kiel-ust-r7-xlsx/Ukraine_Support_Tracker.xlsx" --region eu-institutions --type military
