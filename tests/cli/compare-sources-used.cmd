# clean.csv with SIPRI's register: the allocations used all come from clean.csv, so neither SIPRI's source nor its notes are named
compare clean.csv $SHARED/sipri-at-trade-register/trade-register.csv
