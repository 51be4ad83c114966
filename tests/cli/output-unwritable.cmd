# an output file that cannot be created: exit 5
compare -o /nonexistent/out.csv clean.csv
