# one column per aid type; an all-empty row counts as without values
check wide.csv
