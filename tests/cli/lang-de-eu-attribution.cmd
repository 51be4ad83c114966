# German EU-attribution caveat
--lang de compare --eu-attribution --top 5
