# Kiel procurement_trends.csv: 52 months x 4 sourcing columns
check $SHARED/kiel-ust-web-r29/procurement_trends.csv
