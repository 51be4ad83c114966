# a stacked bar split by overlapping groups is refused; grouped bars are drawn
chart stacked --by type,region --region europe,nato clean.csv -o overlap.pdf
