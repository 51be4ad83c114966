/* Output files written safely: the one home of this technique. Charts,
 * reports and the program's tables all write through it.
 *
 * A regular file (or the file a symbolic link leads to) is written to a
 * temporary file beside it, flushed to disk and renamed into place only
 * when everything succeeded: it is complete or left as it was. It keeps
 * its mode (a new file gets 0666 less the umask, as open(2) gives). A file
 * with other hard links is copied into in place at commit, so the links
 * keep sharing it. Devices, FIFOs and sockets are written directly and
 * never replaced: a rename onto /dev/null would replace the device. */
#include "config.h"
#include "aidstat.h"
#include "data/error.h"
#include "render/render.h"

#include <errno.h>
#include <fcntl.h>
#include <glib.h>
#include <glib/gstdio.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

struct aidstat_output {
    FILE *fp;
    char *path;   /* as the caller named it, for messages */
    char *target; /* the file written: path with symbolic links followed */
    char *tmp;    /* the temporary file beside target; NULL when written directly */
    int slot;     /* tmp's index in temps[], or -1 */
    bool copy;    /* target has other hard links: copy into it at commit */
};

/* Temporary files being written, for aidstat_output_remove_temporaries()
 * in a signal handler: a fixed array of pointers, claimed and released
 * with atomic operations, read with no lock. */
#define MAX_TEMPS 64
static gpointer temps[MAX_TEMPS];

static int temp_register(char *path)
{
    for (int i = 0; i < MAX_TEMPS; i++)
        if (g_atomic_pointer_compare_and_exchange(&temps[i], NULL, path))
            return i;
    return -1; /* still written safely; only not removed on a signal */
}

static void temp_release(int slot)
{
    if (slot >= 0)
        g_atomic_pointer_set(&temps[slot], NULL);
}

void aidstat_output_remove_temporaries(void)
{
    for (int i = 0; i < MAX_TEMPS; i++) {
        const char *p = g_atomic_pointer_get(&temps[i]);
        if (p)
            unlink(p); /* async-signal-safe */
    }
}

static aidstat_output_t *open_failed(aidstat_output_t *o, const char *path, int e, aidstat_error_t *err)
{
    aid_error_set(err, AIDSTAT_ERR_OUTPUT, path, 0, 0, "cannot create: %s", g_strerror(e));
    if (o) {
        if (o->tmp) {
            unlink(o->tmp);
            temp_release(o->slot);
        }
        g_free(o->path);
        g_free(o->target);
        g_free(o->tmp);
        g_free(o);
    }
    return NULL;
}

/* Follow symbolic links from path to the file they name (which need not
 * exist: then *exists is false and the link's destination is created).
 * NULL with *e set when a link cannot be read or the chain loops. */
static char *follow_links(const char *path, struct stat *st, bool *exists, int *e)
{
    char *p = g_strdup(path);
    for (int hops = 0;; hops++) {
        if (lstat(p, st) != 0) {
            *e = errno;
            *exists = false;
            if (*e == ENOENT)
                return p;
            g_free(p);
            return NULL;
        }
        *exists = true;
        if (!S_ISLNK(st->st_mode))
            return p;
        char buf[4096];
        ssize_t n = hops < 40 ? readlink(p, buf, sizeof buf - 1) : -1;
        if (n < 0 || (size_t)n >= sizeof buf - 1) {
            *e = hops >= 40 ? ELOOP : n < 0 ? errno : ENAMETOOLONG;
            g_free(p);
            return NULL;
        }
        buf[n] = '\0';
        char *next;
        if (g_path_is_absolute(buf)) {
            next = g_strdup(buf);
        } else {
            char *dir = g_path_get_dirname(p);
            next = g_build_filename(dir, buf, NULL);
            g_free(dir);
        }
        g_free(p);
        p = next;
    }
}

aidstat_output_t *aidstat_output_open(const char *path, aidstat_error_t *err)
{
    if (!path || !*path) {
        aid_error_set(err, AIDSTAT_ERR_OUTPUT, NULL, 0, 0, "cannot create \"\": %s", g_strerror(ENOENT));
        return NULL;
    }
    struct stat st;
    bool exists;
    int e = 0;
    char *target = follow_links(path, &st, &exists, &e);
    if (!target)
        return open_failed(NULL, path, e, err);
    if (exists && S_ISDIR(st.st_mode)) {
        g_free(target);
        return open_failed(NULL, path, EISDIR, err);
    }
    aidstat_output_t *o = g_new0(aidstat_output_t, 1);
    o->path = g_strdup(path);
    o->target = target;
    o->slot = -1;
    int fd;
    if (exists && !S_ISREG(st.st_mode)) {
        /* a device or FIFO: written directly, never replaced */
        if ((fd = open(target, O_WRONLY | O_NOCTTY | O_CLOEXEC)) < 0)
            return open_failed(o, path, errno, err);
    } else {
        o->tmp = g_strdup_printf("%s.XXXXXX", target);
        o->slot = temp_register(o->tmp); /* before the file exists: a signal may come at any time */
        /* a new file: 0666 less the umask, from open(2) itself */
        if ((fd = g_mkstemp_full(o->tmp, O_WRONLY | O_CLOEXEC, exists ? 0600 : 0666)) < 0) {
            e = errno;
            temp_release(o->slot);
            g_free(o->tmp);
            o->tmp = NULL;
            return open_failed(o, path, e, err);
        }
        if (exists) {
            /* the owner matters only when root rewrites another's file;
             * chown clears set-id bits, so the mode comes after */
            if ((st.st_uid != geteuid() || st.st_gid != getegid()) && fchown(fd, st.st_uid, st.st_gid) != 0) {
                /* not allowed: the file becomes the writer's, as with any new file */
            }
            if (fchmod(fd, st.st_mode & 07777) != 0) {
                e = errno;
                close(fd);
                return open_failed(o, path, e, err);
            }
            o->copy = st.st_nlink > 1;
        }
    }
    if (!(o->fp = fdopen(fd, "wb"))) {
        e = errno;
        close(fd);
        return open_failed(o, path, e, err);
    }
    return o;
}

FILE *aidstat_output_stream(aidstat_output_t *o)
{
    return o ? o->fp : NULL;
}

/* Copy the finished temporary file into target in place; 0 or an errno. */
static int copy_into(const char *tmp, const char *target)
{
    int in = open(tmp, O_RDONLY | O_CLOEXEC);
    if (in < 0)
        return errno;
    int out = open(target, O_WRONLY | O_TRUNC | O_NOCTTY | O_CLOEXEC);
    int e = out < 0 ? errno : 0;
    char buf[65536];
    ssize_t n = 0;
    while (!e && (n = read(in, buf, sizeof buf)) != 0) {
        if (n < 0) {
            if (errno != EINTR)
                e = errno;
            continue;
        }
        for (ssize_t done = 0; !e && done < n;) {
            ssize_t w = write(out, buf + done, (size_t)(n - done));
            if (w < 0 && errno != EINTR)
                e = errno;
            else if (w > 0)
                done += w;
        }
    }
    if (!e && fsync(out) != 0 && errno != EINVAL)
        e = errno;
    if (out >= 0 && close(out) != 0 && !e)
        e = errno;
    close(in);
    return e;
}

/* The rename is durable once the folder is on disk too; best effort. */
static void sync_folder(const char *target)
{
    char *dir = g_path_get_dirname(target);
    int fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd >= 0) {
        if (fsync(fd) != 0) {
            /* some file systems refuse; the data itself is synced */
        }
        close(fd);
    }
    g_free(dir);
}

static void output_free(aidstat_output_t *o)
{
    if (o->fp)
        fclose(o->fp);
    if (o->tmp)
        unlink(o->tmp);
    temp_release(o->slot);
    g_free(o->path);
    g_free(o->target);
    g_free(o->tmp);
    g_free(o);
}

aidstat_status_t aidstat_output_commit(aidstat_output_t *o, aidstat_error_t *err)
{
    if (!o)
        return aid_error_set(err, AIDSTAT_ERR_OUTPUT, NULL, 0, 0, "no output file");
    int e = 0;
    errno = 0;
    if (fflush(o->fp) != 0)
        e = errno ? errno : EIO;
    else if (ferror(o->fp))
        e = EIO; /* an earlier write failed and its errno is gone */
    else if (fsync(fileno(o->fp)) != 0 && errno != EINVAL && errno != ENOTSUP)
        e = errno; /* devices and FIFOs cannot be synced: not an error */
    if (fclose(o->fp) != 0 && !e)
        e = errno;
    o->fp = NULL;
    if (!e && o->tmp) {
        if (o->copy) {
            e = copy_into(o->tmp, o->target);
        } else if (rename(o->tmp, o->target) != 0) {
            e = errno;
        } else {
            temp_release(o->slot);
            o->slot = -1;
            g_free(o->tmp);
            o->tmp = NULL;
            sync_folder(o->target);
        }
    }
    aidstat_status_t st = AIDSTAT_OK;
    if (e)
        st = aid_error_set(err, AIDSTAT_ERR_OUTPUT, o->path, 0, 0, "write failed: %s", g_strerror(e));
    output_free(o);
    return st;
}

void aidstat_output_abort(aidstat_output_t *o)
{
    if (o)
        output_free(o);
}

/* ---- the document date: one for every file the process writes */

static gint64 fixed_date = -1;

void aidstat_output_set_date(int64_t unix_seconds)
{
    fixed_date = unix_seconds >= 0 ? unix_seconds : -1;
}

int aidstat_output_env_date(int64_t *unix_seconds)
{
    const char *v = g_getenv("SOURCE_DATE_EPOCH");
    if (!v)
        return 0;
    guint64 n;
    /* digits only: no sign, no space, no hex; at most year 9999 */
    if (!*v || !g_ascii_string_to_unsigned(v, 10, 0, G_GINT64_CONSTANT(253402300799), &n, NULL))
        return -1;
    if (unix_seconds)
        *unix_seconds = (int64_t)n;
    return 1;
}

bool aid_output_date_fixed(void)
{
    return fixed_date >= 0;
}

GDateTime *aid_output_date(void)
{
    int64_t t;
    if (fixed_date >= 0)
        return g_date_time_new_from_unix_utc(fixed_date);
    if (aidstat_output_env_date(&t) == 1)
        return g_date_time_new_from_unix_utc(t);
    return g_date_time_new_now_utc();
}
