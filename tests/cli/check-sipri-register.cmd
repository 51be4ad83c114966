# a small SIPRI trade register: banner, split record joined, Latin-1 byte, empty TIVs, bad rows
check sipri-register.csv
