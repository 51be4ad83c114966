# two files holding the same record (Germany, Feb 2023, military allocation): an error naming both lines
compare clean.csv clean-overlap.csv
