# German end to end: title, headings, numbers (1.234,5) and footer lines of a comparison
--lang de compare --type military --top 5
