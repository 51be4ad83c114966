# German series table: interval heading, running totals, German numbers
--lang de trend --by type --interval year --series --cumulative
