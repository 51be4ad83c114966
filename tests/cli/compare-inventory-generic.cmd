# a generic file counting items (Quantity beside System) is an inventory: never added to record-level aid
compare clean.csv inventory.csv
