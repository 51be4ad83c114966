# a diff block against a release in another currency is refused, pointing at the block
report report-diff-units.md -o never-written.pdf
