# --from that is not a period: exit 1
compare --from March clean.csv
