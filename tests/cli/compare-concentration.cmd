# shares 60/20/15/5 %: HHI 3600+400+225+25 = 4250; Gini 68/160 = 0.425
compare --concentration compare-stats.csv
