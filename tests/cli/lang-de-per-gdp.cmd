# German GDP notes: the GDP year from the data, the donor without GDP, the rows not shown
--lang de compare --per gdp --top 5
