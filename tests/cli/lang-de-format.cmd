# a usage error of diff in German
--lang de diff --format xml clean.csv clean.csv
