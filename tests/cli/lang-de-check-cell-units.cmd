# German check-cell-units: encoding note, month-unknown label, EU bodies named in German, scales in German
--lang de check cell-units.csv
