# German error for dates written in two orders
--lang de check dates-contradict.csv
