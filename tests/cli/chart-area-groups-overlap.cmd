# issue 11: an area chart refuses groups that share donors (it would stack them twice)
chart area --by region --region europe,nato,eu27 -o overlap.pdf
