# TIV cannot be restated at constant prices
compare sipri-register.csv --prices constant:2022 --deflator deflator.csv
