# German eu-workbook-mini: encoding note, month-unknown label, EU bodies named in German, scales in German
--lang de compare --eu-attribution --by donor,type xlsx/eukey-mini.xlsx
