# German compare-type-typo: the suggestion and the reason as whole German messages
--lang de compare --type militray clean.csv
