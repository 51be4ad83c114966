/* Names compared as people read them: case, accents, zero-width
 * characters and runs of spaces do not count. The one key the country
 * table, donor filters and "did you mean" suggestions all compare by. */
#include "config.h"
#include "data/fold.h"

#include <glib.h>
#include <stdbool.h>
#include <string.h>

/* ASCII text (most names) needs no normalising: lower case, one space. */
static char *ascii_key(const char *s)
{
    size_t n = strlen(s);
    char *k = g_malloc(n + 1), *o = k;
    bool space = false;
    for (; *s; s++) {
        if (g_ascii_isspace(*s)) {
            space = o > k;
            continue;
        }
        if (space)
            *o++ = ' ';
        space = false;
        *o++ = g_ascii_tolower(*s);
    }
    *o = '\0';
    return k;
}

char *aid_fold_key(const char *s)
{
    if (!s)
        return NULL;
    const char *p = s;
    while (*p > 0 && *p < 0x7f)
        p++;
    if (!*p)
        return ascii_key(s);
    if (!g_utf8_validate(s, -1, NULL))
        return NULL;
    char *d = g_utf8_normalize(s, -1, G_NORMALIZE_NFKD);
    if (!d)
        return NULL;
    GString *o = g_string_sized_new(strlen(d));
    bool space = false;
    for (const char *q = d; *q; q = g_utf8_next_char(q)) {
        gunichar c = g_utf8_get_char(q);
        if (g_unichar_ismark(c) || g_unichar_iszerowidth(c))
            continue; /* accents, zero-width spaces, byte-order marks */
        if (g_unichar_isspace(c)) {
            space = o->len > 0;
            continue;
        }
        if (space)
            g_string_append_c(o, ' ');
        space = false;
        g_string_append_unichar(o, c);
    }
    g_free(d);
    char *k = g_utf8_casefold(o->str, (gssize)o->len);
    g_string_free(o, TRUE);
    return k;
}
