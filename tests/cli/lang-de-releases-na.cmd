# German releases table: a missing value is k. A., not n/a
--lang de compare --releases --format markdown diff-old.csv diff-new.csv
