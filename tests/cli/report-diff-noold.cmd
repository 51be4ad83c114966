# a diff block must name the previous release's file
report report-diff-noold.md -o never-written.pdf
