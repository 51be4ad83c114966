# weapons.csv is part of military aid, not in addition to it: refused beside data_explorer.csv
compare $SHARED/kiel-ust-web-r29/data_explorer.csv $SHARED/kiel-ust-web-r29/weapons.csv
