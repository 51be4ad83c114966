# too few / too many non-empty fields are rejected; trailing empty fields are not
check ragged.csv
