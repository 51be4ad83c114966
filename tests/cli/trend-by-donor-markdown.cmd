# Markdown: the same table and footer
trend --by donor --format markdown trend-monthly.csv
