# World-Bank DataBank-like: "2022 [YR2022]" headers, ".." for missing
compare --by donor --format csv wide-databank.csv
