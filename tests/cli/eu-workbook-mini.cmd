# the workbook's own three keys attribute the EU bodies' aid (EU 1,000,000 by 50/30/20, EPF 200,000 by
# 40/40/20, EIB 100,000 by 25/25/50): Germany military 1,000,000 + 80,000, financial 300,000 + 25,000,
# humanitarian 200,000 = 1,605,000; France 2,000,000 + 300,000 + 80,000 + 25,000 = 2,405,000;
# Estonia 300,000 + 200,000 + 40,000 + 50,000 = 590,000; the total (9,600,000) unchanged
compare --eu-attribution --by donor,type xlsx/eukey-mini.xlsx
