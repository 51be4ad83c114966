# a line chart of year-only dates: yearly, the note carried into the chart
chart line trend-year-dates.csv --alt
