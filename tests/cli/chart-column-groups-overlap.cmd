# stacked columns refuse them too
chart column --by region --region europe,eu27 --interval year -o overlap.pdf
