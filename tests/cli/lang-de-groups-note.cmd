# German notes with German money: the donors outside the groups asked for, the overlap note, the selection in words
--lang de compare --by region --region eu27,nato
