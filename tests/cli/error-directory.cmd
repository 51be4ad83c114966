# a directory instead of a file: exit 2
check .
