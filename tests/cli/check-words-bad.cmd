# a word mapped to something that is neither a type nor a measure
check --word Rüstung=apple words-own.csv
