# what check says about a file, in German: counts, reasons with plural forms, German months
--lang de check badvalues.csv
