# German source line: the records without a source are counted in German (für N von M Einträgen nicht angegeben)
--lang de compare clean.csv kiel-explorer.csv
