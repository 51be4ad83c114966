# German check of a SIPRI TIV table: its description names the supplier in German, the notes are whole German sentences
--lang de check sipri-tiv.csv
