# a TIV table whose header names 2020 twice: an error naming both columns
compare sipri-tiv-year-twice.csv
