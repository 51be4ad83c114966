# value cells that name their own scale ("1.5 Mio. €", "4.5 EURm", "€0.25bn"): check counts them by scale and names the first
check cell-units.csv
