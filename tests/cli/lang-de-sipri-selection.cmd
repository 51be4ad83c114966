# German selection of SIPRI data: the suppliers are Lieferanten, as in the title
--lang de compare sipri-register.csv --donor Germany --by year
