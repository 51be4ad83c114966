# the real TIV export table of the United States (grand total 713634)
check $SHARED/sipri-at-tiv-exports/TIV-Export-USA-1950-2021.csv
