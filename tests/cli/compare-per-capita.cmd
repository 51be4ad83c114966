# --per capita: Denmark 12 m / 6 m people = 2.00, Norway 3 / 5 (its 2023 population) = 0.60, Canada 4 / 40 = 0.10, Poland n/a; all 19 / 51 = 0.37
compare --per capita --population population.csv compare-stats.csv
