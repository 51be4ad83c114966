# Release 29 as committed on 2026-07-27 against the final version: total allocations,
# France +2.159009 and the United Kingdom +1.507655 € bn (figures checked in tests/diff-figures.sh)
diff --type military,financial,humanitarian --measure allocation --top 4 --decimals 6 $SHARED/kiel-ust-web-history/2026-07-27-6c0293d/data_explorer.csv $SHARED/kiel-ust-web-r29/data_explorer.csv
