# quarterly at full precision
trend --interval quarter --format csv trend-years.csv
