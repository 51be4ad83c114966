# a file that is not an eu_aid_shares.csv is no key
compare --eu-key clean.csv kiel-explorer.csv
