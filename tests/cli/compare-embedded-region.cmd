# the embedded data: military aid by region to April 2025
compare --by region --type military --to 2025-04
