# German heavy-weapons table: title, headings, donor names, footer and notes
--lang de compare --heavy-weapons $SHARED/kiel-ust-r7-xlsx/Ukraine_Support_Tracker.xlsx
