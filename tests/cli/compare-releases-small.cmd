# two small releases side by side by donor (Jan-Mar 2023): Italy only in the first, Spain only in the second
compare --releases --format markdown diff-old.csv diff-new.csv
