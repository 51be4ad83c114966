# SIPRI: trend of the same selection says major arms to Ukraine (as compare and chart do), never nominal, whole TIV
trend $SHARED/sipri-at-trade-register/trade-register.csv --recipient Ukraine --from 2022 --interval year
