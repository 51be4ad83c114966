# monthly on quarterly records: many zero months, so no growth rate (the first zero month is named)
trend trend-years.csv
