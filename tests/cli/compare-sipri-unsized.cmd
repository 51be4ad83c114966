# US orders to Ukraine since 2022: 26 of them of unknown size, which SIPRI values at 0 TIV, counted in a note
compare $SHARED/sipri-at-trade-register/trade-register.csv --recipient Ukraine --donor "United States" --from 2022 --measure commitment
