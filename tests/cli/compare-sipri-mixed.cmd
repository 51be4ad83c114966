# TIV and euros are never added up
compare sipri-register.csv clean.csv --measure commitment
