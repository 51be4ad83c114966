# quarterly series: the incomplete last quarter is marked
trend --series --interval quarter trend-years.csv
