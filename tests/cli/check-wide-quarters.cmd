# quarters as columns
check wide-quarters.csv
