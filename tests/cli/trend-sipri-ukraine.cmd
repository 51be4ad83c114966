# SIPRI by year of order, recipient Ukraine: yearly, fitted from its first record (2014), not from the register's 1940
trend $SHARED/sipri-at-trade-register/trade-register.csv --recipient Ukraine
