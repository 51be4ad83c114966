# German compare-concentration-negative: the suggestion and the reason as whole German messages
--lang de compare --concentration negative.csv
