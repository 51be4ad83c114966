# a code that names another country than the name rejects the row; several
# spellings of one donor, and names and codes the country table lacks, are listed
check identity-conflict.csv
