# an empty file, in German: file:line and the reason (a message of the
# system, such as strerror, would need libc's own German catalogue)
--lang de compare empty.csv
