# German date-order note: the column read month-first, as a line shows
--lang de check dates-us.csv
