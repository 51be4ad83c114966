# Kiel's three groups hold every donor of Release 29 once: shares add up to 100 %, no overlap note, nobody outside (group totals checked in tests/figures.sh)
compare --by region --region eu-members-institutions,anglosaxon,other-donor-countries
