# a report whose EU attribution key leaves out a member with aid in the data is refused
report eu-report-missing.md -o never-written.pdf
