# German trend of all records: the row is Gesamt, not Total
--lang de trend --interval year trend-years.csv
