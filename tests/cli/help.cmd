# aidstat --help: the main usage on stdout, exit 0
--help
