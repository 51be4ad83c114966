# groups from --regions; Korea joins "east" by name, the others by code
compare --by region --regions regions.csv clean.csv
