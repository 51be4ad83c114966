# no command: usage on stderr, exit 1
