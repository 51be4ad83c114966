# stacked bars split by groups that share no donor are drawn
chart stacked --by donor,region --region europe,usa clean.csv --alt
