# SIPRI: the recipient filter is named in the title, suppliers not donors, TIV in its own unit and in whole millions
chart bar $SHARED/sipri-at-trade-register/trade-register.csv --recipient Ukraine --from 2022 --top 5 --alt
