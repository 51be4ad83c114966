/* Helpers shared by the fuzz harnesses (see fuzz.h). */
#define _GNU_SOURCE
#include "fuzz.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

static int fd = -1;
static char path[64];

const char *aid_fuzz_path(const uint8_t *data, size_t size)
{
    if (fd < 0) {
        fd = memfd_create("aidstat-fuzz", 0);
        if (fd < 0)
            return NULL;
        snprintf(path, sizeof path, "/proc/self/fd/%d", fd);
    }
    if (ftruncate(fd, 0) != 0 || lseek(fd, 0, SEEK_SET) != 0)
        return NULL;
    size_t done = 0;
    while (done < size) {
        ssize_t w = write(fd, data + done, size - done);
        if (w <= 0)
            return NULL;
        done += (size_t)w;
    }
    return path;
}

const char *aid_fuzz_file(const char *text)
{
    int f = memfd_create("aidstat-fuzz-data", 0);
    if (f < 0)
        return NULL;
    size_t len = strlen(text), done = 0;
    while (done < len) {
        ssize_t w = write(f, text + done, len - done);
        if (w <= 0)
            return NULL;
        done += (size_t)w;
    }
    static char paths[4][64];
    static int used;
    if (used == 4)
        return NULL;
    snprintf(paths[used], sizeof paths[used], "/proc/self/fd/%d", f);
    return paths[used++];
}

void aid_fuzz_fail(const char *what)
{
    fprintf(stderr, "fuzz invariant broken: %s\n", what);
    abort();
}
