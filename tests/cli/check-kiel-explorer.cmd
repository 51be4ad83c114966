# a tiny file in the Kiel data-explorer layout: total != sum of types is rejected; no release_info.csv beside it; a one-month period reads "Jan 2023"
check kiel-explorer.csv
