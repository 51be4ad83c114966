# machine output stays English under --lang de: keys, names, enum values, decimal points
--lang de compare --by type --format csv
