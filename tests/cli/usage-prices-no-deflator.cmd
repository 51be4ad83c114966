# --prices constant:YYYY without --deflator: exit 1
compare --by year --prices constant:2022 trend-years.csv
