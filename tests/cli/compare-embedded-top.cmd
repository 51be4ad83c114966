# the embedded data: top 10 donors and the rest
compare --top 10
