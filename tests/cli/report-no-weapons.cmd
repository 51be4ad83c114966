# data=weapons where no heavy-weapons data is loaded (no weapons.csv beside clean.csv): the figure on line 7, column 1
report report-no-weapons.md -o /dev/null/never.pdf
