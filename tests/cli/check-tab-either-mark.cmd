# a tab-separated file whose only grouped value "1.250" could be either mark: an error naming the options
check tab-either-mark.tsv
