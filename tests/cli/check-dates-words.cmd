# month names in English and German, quarters, a year alone; bad ones rejected with reasons
check --verbose dates-words.csv
