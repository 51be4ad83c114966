# a bar chart shows no shares: the overlap is said without them
chart bar --by region --region europe,nato clean.csv --alt
