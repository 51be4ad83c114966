# a UTF-8 byte-order mark must not spoil the first header name (donor)
check bom.csv
