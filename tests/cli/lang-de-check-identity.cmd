# German identity notes of check: names read through the country table, one donor under several names, unknown names and codes
--lang de check identity-conflict.csv
