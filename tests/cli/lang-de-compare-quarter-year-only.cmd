# German compare-quarter-year-only: encoding note, month-unknown label, EU bodies named in German, scales in German
--lang de compare --by quarter bom.csv
