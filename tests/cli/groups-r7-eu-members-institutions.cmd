# issue 11: the EU bodies (EPF, EIB) are in eu-institutions: 29.157 € bn as Kiel's "Aggregates - Country Groups" sheet says (checked cell by cell in tests/unit/test-kiel-groups.c); the donors outside both groups are named
compare "$SHARED/kiel-ust-r7-xlsx/Ukraine_Support_Tracker.xlsx" --region eu27,eu-institutions --measure commitment --top 5
