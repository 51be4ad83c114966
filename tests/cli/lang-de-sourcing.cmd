# German sourcing parts: Beschaffung, Bestände, Ohne Angabe (the split Kiel publishes)
--lang de compare --by sourcing $SHARED/kiel-ust-web-r29/procurement_trends.csv
