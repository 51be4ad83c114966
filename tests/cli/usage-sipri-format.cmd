# --input-format sipri-tiv-exports on a file that is not one
check --input-format sipri-tiv-exports clean.csv
