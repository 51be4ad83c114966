# German check-cp1252: encoding note, month-unknown label, EU bodies named in German, scales in German
--lang de check cp1252.csv
