# SIPRI: two suppliers and a recipient named in the title of a chart by supplier
chart bar sipri-register.csv --donor Germany,"United States" --recipient Ukraine --alt
