# Kiel eu_aid_shares.csv: 27 EU members, shares of EU-level aid
check $SHARED/kiel-ust-web-r29/eu_aid_shares.csv
