# German rejection reasons with a number in them (check-ragged)
--lang de check ragged.csv
