# the whole Kiel website folder: different views of aid (sum over donors, key, inventory, split) are never added up
compare $SHARED/kiel-ust-web-r29/*.csv
