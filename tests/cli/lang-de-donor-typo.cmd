# an error in German: the option, the value and the suggestion
--lang de compare --donor Germny
