# grouped bars by donor and overlapping groups: drawn side by side, overlap said
chart grouped --by donor,region --region europe,nato clean.csv --alt
