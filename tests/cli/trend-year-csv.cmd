# yearly at full precision (1 degree of freedom: t = 12.706)
trend --interval year --format csv trend-years.csv
