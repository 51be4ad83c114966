# the same diff as CSV with unchanged rows (--all): values in euros, pct_change empty where old is 0
diff --all --format csv diff-old.csv diff-new.csv
