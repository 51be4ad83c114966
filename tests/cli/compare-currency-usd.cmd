# --currency USD: each record divided by the Fed's EUR per USD of its month (2024-01 0.9175 ... 2024-06 0.9291)
compare --currency USD --rates $SHARED/fed-exchange-rates/monthly.csv compare-stats.csv
