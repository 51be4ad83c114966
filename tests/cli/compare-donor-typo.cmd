# a typo among the donors is an error with a suggestion, not silently dropped
compare --donor "Germny,France" clean.csv
