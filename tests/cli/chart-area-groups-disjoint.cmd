# groups that share no donor stack: no overlap note; the donors outside both are named
chart area --by region --region europe,usa --interval year --alt
