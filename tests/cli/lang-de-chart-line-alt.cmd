# German alt text of a line chart: per-period unit, values from/to, highest and lowest
--lang de chart line --by type --interval year --alt
