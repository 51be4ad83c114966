# --forecast 2: Denmark's perfect fit has no spread; Canada's prediction intervals
trend --by donor --forecast 2 trend-monthly.csv
