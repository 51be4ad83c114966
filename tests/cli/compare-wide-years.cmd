# years as columns: totals by year
compare --by year --format csv wide-years.csv
