# every group of Kiel's sheet by type at full precision (the sheet's cells, rounded: 16.901/3.906/8.350/29.157, 4.579/2.486/5.850/12.915, 12.323/1.42/2.5/16.243, 19.534/10.204/32.576/62.315, 1.641/0.254/0.365/2.260)
compare "$SHARED/kiel-ust-r7-xlsx/Ukraine_Support_Tracker.xlsx" --by region,type --region eu-members-institutions,eu27,eu-institutions,anglosaxon,other-donor-countries --format csv
