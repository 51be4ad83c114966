# Latin-1 bytes (T\xfcrkiye, Espa\xf1a) after ASCII only: ISO-8859-1 detected, converted
check latin1.csv
