# SIPRI: a line chart of the same selection has the same title words as compare and trend
chart line $SHARED/sipri-at-trade-register/trade-register.csv --recipient Ukraine --from 2022 --interval year --alt
