# convert without a file: exit 1
convert
