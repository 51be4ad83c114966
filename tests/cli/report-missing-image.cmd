# an image file that does not exist, line 10: exit 2 (input)
report report-missing-image.md -o /dev/null/never.pdf
