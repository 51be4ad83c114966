# German trend table: title in German word order, headings, German numbers, footer lines
--lang de trend --by type --interval year
