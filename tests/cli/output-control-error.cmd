# an error message quoting a value with ESC and BEL shows them as escapes
compare --donor "$(printf 'x\033]0;t\007')" clean.csv
