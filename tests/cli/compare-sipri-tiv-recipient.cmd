# a recipient with a comma in its name
compare sipri-tiv.csv --recipient 'Korea, South' --by year --format csv
