# SIPRI's register (data of 13 Mar 2025) with its TIV table for the USA (28 July 2022): two releases of the same deliveries, refused
compare $SHARED/sipri-at-trade-register/trade-register.csv $SHARED/sipri-at-tiv-exports/TIV-Export-USA-1950-2021.csv
