# monthly totals of a month-first column
compare --by month --format csv dates-us.csv
