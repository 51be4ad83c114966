/* "Did you mean ...?": the closest known name by edit distance (optimal
 * string alignment: insertions, deletions, substitutions and swaps of
 * neighbours, over Unicode characters with case and accents folded). */
#include "config.h"
#include "aidstat.h"
#include "data/fold.h"
#include "data/suggest.h"

#include <glib.h>
#include <string.h>

static gunichar *chars(const char *s, glong *n)
{
    char *k = aid_fold_key(s);
    gunichar *u = k ? g_utf8_to_ucs4_fast(k, -1, n) : NULL;
    g_free(k);
    if (!u)
        *n = 0;
    return u;
}

size_t aid_suggest_distance(const char *a, const char *b, size_t max)
{
    glong n, m;
    gunichar *x = chars(a, &n), *y = chars(b, &m);
    size_t d = max + 1;
    if (x && y && (size_t)labs(n - m) <= max) {
        /* three rows: a swap of two neighbours ("cvs") counts as one edit */
        size_t *rows = g_new(size_t, 3 * ((gsize)m + 1));
        size_t *pp = rows, *prev = rows + m + 1, *cur = rows + 2 * (m + 1);
        for (glong j = 0; j <= m; j++)
            prev[j] = (size_t)j;
        for (glong i = 1; i <= n; i++) {
            cur[0] = (size_t)i;
            for (glong j = 1; j <= m; j++) {
                size_t sub = prev[j - 1] + (x[i - 1] != y[j - 1]);
                size_t del = prev[j] + 1, ins = cur[j - 1] + 1;
                cur[j] = MIN(sub, MIN(del, ins));
                if (i > 1 && j > 1 && x[i - 1] == y[j - 2] && x[i - 2] == y[j - 1])
                    cur[j] = MIN(cur[j], pp[j - 2] + 1);
            }
            size_t *t = pp;
            pp = prev;
            prev = cur;
            cur = t;
        }
        d = MIN(prev[m], max + 1);
        g_free(rows);
    }
    g_free(x);
    g_free(y);
    return d;
}

size_t aid_suggest_limit(const char *s)
{
    size_t n = g_utf8_validate(s, -1, NULL) ? (size_t)g_utf8_strlen(s, -1) : strlen(s);
    return n <= 4 ? 1 : n <= 8 ? 2 : 3;
}

const char *aidstat_suggest(const char *s, const char *const *candidates, size_t n)
{
    if (!s)
        return NULL;
    size_t limit = aid_suggest_limit(s), best = limit + 1;
    const char *hit = NULL;
    for (size_t i = 0; i < n; i++) {
        if (!candidates[i])
            continue;
        size_t d = aid_suggest_distance(s, candidates[i], MIN(best - 1, limit));
        if (d < best) {
            best = d;
            hit = candidates[i];
        }
    }
    return hit;
}
