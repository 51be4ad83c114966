# deliveries to Ukraine since 2022 by supplier, TIV million
compare sipri-register.csv --recipient Ukraine --from 2022 --by donor
