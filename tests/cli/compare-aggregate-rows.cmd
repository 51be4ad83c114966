# rows named Total, All donors, EU total, World are sums over donors, never donors
compare aggregate-rows.csv
