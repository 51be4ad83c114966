# interval= belongs to first and latest: on another figure it would be ignored, so it is refused: exit 1
report report-figure-interval.md -o never-written.pdf
