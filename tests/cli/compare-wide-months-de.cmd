# months as columns in a German file: Summe ignored, decimal commas
compare --by month --format csv wide-months-de.csv
