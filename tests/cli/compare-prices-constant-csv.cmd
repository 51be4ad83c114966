# constant prices at full precision
compare --by year --prices constant:2022 --deflator deflator.csv --format csv trend-years.csv
