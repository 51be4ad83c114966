# a chart height that is not a number (NaN passed the range check and the chart went missing): exit 1
report report-height-nan.md -o /dev/null/never.pdf
