# an unknown language is refused in English, since none was chosen
--lang fr compare
