# Kiel total_allocations.csv: 52 months x 3 types
check $SHARED/kiel-ust-web-r29/total_allocations.csv
