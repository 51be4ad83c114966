# 4 records dated by year, 2 by month: yearly, every record summed into its year, and the note counts both
trend year-only.csv
