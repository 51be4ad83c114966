# the EU bodies by name, in a file without codes: EPF (2.5), EIB (2.0) and the EU (10.0) are EU institutions (14.5), in Europe and in EU members and institutions with Germany (17.5); the US is named as outside
compare --by region --region eu-institutions,eu-members-institutions,europe,eu27 eu-bodies.csv
