# top suppliers of major arms to Ukraine since 2022, TIV
compare $SHARED/sipri-at-trade-register/trade-register.csv --recipient Ukraine --from 2022 --by donor --top 10
