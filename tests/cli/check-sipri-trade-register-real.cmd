# the real trade register (Latin-1, 11-line banner, 4 split records)
check $SHARED/sipri-at-trade-register/trade-register.csv
