/* Error records: the one place errors are made, so every message has the
 * same shape, "file:line:column: message". */
#include "config.h"
#include "data/error.h"

#include <glib.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

const char *aidstat_version(void)
{
    return PACKAGE_VERSION;
}

void aidstat_error_clear(aidstat_error_t *err)
{
    if (err)
        memset(err, 0, sizeof *err);
}

/* Messages quote input, which may be long or not UTF-8: a message cut
 * short ends at a character boundary with "…", and invalid bytes become
 * U+FFFD, so what is printed or drawn is always text. */
static void fit(char *buf, size_t size, int need)
{
    if (need >= 0 && (size_t)need >= size) {
        size_t n = size - sizeof "…";
        while (n > 0 && ((unsigned char)buf[n] & 0xC0) == 0x80)
            n--;
        memcpy(buf + n, "…", sizeof "…");
    }
    if (!g_utf8_validate(buf, -1, NULL)) {
        char *v = g_utf8_make_valid(buf, -1);
        size_t vlen = g_strlcpy(buf, v, size);
        g_free(v);
        if (vlen >= size)
            fit(buf, size, (int)vlen); /* valid now: only the cut is left */
    }
}

aidstat_status_t aid_error_set(aidstat_error_t *err, aidstat_status_t code, const char *file,
                               long line, long column, const char *fmt, ...)
{
    if (!err)
        return code;
    err->code = code;
    snprintf(err->file, sizeof err->file, "%s", file ? file : "");
    err->line = line;
    err->column = column;
    va_list ap;
    va_start(ap, fmt);
    int need = vsnprintf(err->message, sizeof err->message, fmt, ap);
    va_end(ap);
    fit(err->message, sizeof err->message, need);
    return code;
}

char *aidstat_error_format(const aidstat_error_t *err, char *buf, size_t len)
{
    if (!buf || len == 0)
        return buf;
    if (!err) {
        buf[0] = '\0';
        return buf;
    }
    size_t n = 0;
    if (err->file[0]) {
        n += snprintf(buf + n, len - n, "%s:", err->file);
        if (n < len && err->line > 0)
            n += snprintf(buf + n, len - n, "%ld:", err->line);
        if (n < len && err->line > 0 && err->column > 0)
            n += snprintf(buf + n, len - n, "%ld:", err->column);
        if (n < len)
            n += snprintf(buf + n, len - n, " ");
    }
    if (n < len)
        snprintf(buf + n, len - n, "%s", err->message);
    return buf;
}
