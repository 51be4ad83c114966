# a falling trend: the forecast and its interval stop at zero, with a note
trend --by donor --interval year --forecast 2 trend-falling.csv
