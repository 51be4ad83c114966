# German compare-region-typo: the suggestion and the reason as whole German messages
--lang de compare --region eurpoe clean.csv
