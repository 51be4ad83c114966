# a tab-separated German export: decimal commas detected per column as in ";" files
check tab-decimal-comma.tsv
