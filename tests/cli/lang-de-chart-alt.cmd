# German alt text of a chart: kind, title, subtitle, German money and the footer
--lang de chart bar --type military --top 5 --alt
