# --per gdp on the Kiel data explorer file (2021 GDP; the EU row has none)
compare --per gdp --top 5 $SHARED/kiel-ust-web-r29/data_explorer.csv
