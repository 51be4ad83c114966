# a quarterly series would leave out the records without a month: refused at the first of them
trend --interval quarter year-only.csv
