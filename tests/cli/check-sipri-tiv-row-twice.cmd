# a TIV table with the "Korea, South" row twice: the second is rejected, not counted
check sipri-tiv-row-twice.csv
