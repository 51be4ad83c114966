# German rejection reasons with a number in them (check-sipri-tiv-row-twice)
--lang de check sipri-tiv-row-twice.csv
