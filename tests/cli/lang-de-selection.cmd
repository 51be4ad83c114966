# German selection in words: donors, types, measure and period
--lang de compare --donor Germany,fra --type military,humanitarian --measure allocation --from 2023-06
