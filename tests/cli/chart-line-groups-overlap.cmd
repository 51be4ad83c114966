# lines may overlap: drawn, with a note naming the shared donors
chart line --by region --region europe,nato --interval year --alt
