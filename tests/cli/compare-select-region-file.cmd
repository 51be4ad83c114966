# --region with a group from --regions
compare --region east --regions regions.csv clean.csv
