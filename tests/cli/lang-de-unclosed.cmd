# a malformed file: file:line:column and the reason in German
--lang de check unclosed.csv
