/* Error records: the one place errors are made, so every message has the
 * same shape, "file:line:column: message". */
#include "config.h"
#include "data/error.h"
#include "data/intl.h"

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

aidstat_status_t aid_error_set(aidstat_error_t *err, aidstat_status_t code, const char *file, long line,
                               long column, const char *fmt, ...)
{
    if (!err)
        return code;
    err->code = code;
    fit(err->file, sizeof err->file, snprintf(err->file, sizeof err->file, "%s", file ? file : ""));
    err->line = line;
    err->column = column;
    va_list ap;
    va_start(ap, fmt);
    /* the message in the user's language: every call's format is in the
     * catalogue (xgettext --keyword=aid_error_set:6, po/Makevars) */
    int need = vsnprintf(err->message, sizeof err->message, _(fmt), ap);
    va_end(ap);
    fit(err->message, sizeof err->message, need);
    err->wording[0] = '\0';
    if (strchr(err->message, '\001')) {
        g_strlcpy(err->wording, err->message, sizeof err->wording);
        char *neutral = aid_text_neutral(err->wording);
        need = (int)g_strlcpy(err->message, neutral, sizeof err->message);
        g_free(neutral);
        fit(err->message, sizeof err->message, need);
    }
    return code;
}

char *aidstat_text_word(const char *marked, aidstat_option_word_fn fn, void *user)
{
    if (!marked)
        return g_strdup("");
    GString *out = g_string_new(NULL);
    const char *p = marked;
    for (;;) {
        const char *open = strchr(p, '\001');
        if (!open) {
            g_string_append(out, p);
            break;
        }
        g_string_append_len(out, p, open - p);
        const char *close = strchr(open + 1, '\002');
        if (!close) /* cut short: what is left of the option, as it is */
            close = open + 1 + strlen(open + 1);
        char *kv = g_strndup(open + 1, (gsize)(close - open - 1));
        char *sp = strchr(kv, ' ');
        if (sp)
            *sp = '\0';
        char *w = fn ? fn(kv, sp ? sp + 1 : NULL, user) : NULL;
        if (w)
            g_string_append(out, w);
        else if (sp) /* "top=N"; "map donor=COLUMN" when the value is a setting itself */
            g_string_append_printf(out, "%s%c%s", kv, strpbrk(sp + 1, "=\"") ? ' ' : '=', sp + 1);
        else
            g_string_append(out, kv);
        g_free(w);
        g_free(kv);
        p = *close ? close + 1 : close;
    }
    return g_string_free(out, FALSE);
}

char *aid_text_neutral(const char *marked)
{
    return aidstat_text_word(marked, NULL, NULL);
}

char *aidstat_error_word(const aidstat_error_t *err, aidstat_option_word_fn fn, void *user)
{
    if (!err)
        return g_strdup("");
    return aidstat_text_word(err->wording[0] ? err->wording : err->message, fn, user);
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

bool aid_options_take(void *dst, size_t dst_size, const void *src, const char *what, aidstat_error_t *err)
{
    size_t size;
    memcpy(&size, src, sizeof size);
    if (size < sizeof size || size > dst_size) {
        aid_error_set(err, AIDSTAT_ERR_USAGE, NULL, 0, 0,
                      "options not set up by %s (size %zu; this library knows %zu)", what, size, dst_size);
        return false;
    }
    memcpy(dst, src, size);
    memcpy(dst, &dst_size, sizeof dst_size);
    return true;
}
