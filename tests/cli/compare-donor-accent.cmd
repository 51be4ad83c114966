# the spelling of --donor need not be the data's: "Türkiye" finds "Turkiye"
compare --donor Türkiye --format csv
