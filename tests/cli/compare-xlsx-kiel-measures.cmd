# a workbook under a .csv name is found by its first bytes; commitments and deliveries side by side (US: 1.0 and 0.4 m, Estonia 0.3 and 0.3 m)
compare -q --by donor,measure --scale m xlsx/kiel-mini.csv
