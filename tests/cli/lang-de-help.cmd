# the usage in German (--lang=VALUE works too)
--lang=de --help
