# German rejection reasons with a number in them (output-control-check)
--lang de check hostile-names.csv
