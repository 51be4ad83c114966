# the real r7 workbook: United States military commitments EUR 27.64 bn, total 52.31 bn (its Country Summary: 27.645, 52.311); all rows by type 41.29, 38.08, 14.36 (PROVENANCE.md)
compare -q --by donor,type --top 5 $SHARED/kiel-ust-r7-xlsx/Ukraine_Support_Tracker.xlsx
