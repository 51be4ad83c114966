# a header without any donor column: exit 2
check nodonor.csv
