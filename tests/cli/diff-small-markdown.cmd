# the same diff as Markdown, only the largest change (--top 1)
diff --format markdown --top 1 diff-old.csv diff-new.csv
