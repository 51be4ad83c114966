# the chart's period is the selection's (2014 - 2024), not the unfiltered register's 1940
chart line $SHARED/sipri-at-trade-register/trade-register.csv --recipient Ukraine --interval year --alt
