# convert a wide file to aidstat long CSV
convert wide.csv
