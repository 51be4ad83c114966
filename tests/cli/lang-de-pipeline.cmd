# German pipeline: title, headings and notes from the wording module
--lang de compare --pipeline --by donor --top 3 -q "$SHARED/kiel-ust-web-r29/data_explorer.csv"
