# "Europe vs US, military, to April 2025" as it stood in three versions of Release 29's data
# (figures checked in tests/diff-figures.sh against python and PROVENANCE.md)
compare --releases --by region --region europe,usa --type military --to 2025-04 $SHARED/kiel-ust-web-history/2026-07-21-e4ba24e/data_explorer.csv $SHARED/kiel-ust-web-history/2026-07-27-6c0293d/data_explorer.csv $SHARED/kiel-ust-web-r29/data_explorer.csv
