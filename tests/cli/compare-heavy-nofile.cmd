# --heavy-weapons reads one file (the embedded data has no weapon counts)
compare --heavy-weapons
