/* Words of the user's own for aid types and measures ("Rüstung=military",
 * "Auszahlung=delivery"): a cell that no built-in word matches is looked
 * up here before its row is rejected. */
#include "config.h"
#include "load/words.h"
#include "data/error.h"
#include "load/loader.h"
#include "load/number.h"
#include "data/record.h"

#include <glib.h>
#include <string.h>

aidstat_status_t aid_words_check(const char *const *words, aidstat_error_t *err)
{
    for (const char *const *w = words; w && *w; w++) {
        const char *eq = strchr(*w, '=');
        if (!eq || eq == *w || !eq[1])
            return aid_error_set(err, AIDSTAT_ERR_USAGE, NULL, 0, 0,
                                 "word \"%s\": expected WORD=TYPE or WORD=MEASURE", *w);
        if (aid_type_parse(eq + 1) < 0 && aid_measure_parse(eq + 1) < 0)
            return aid_error_set(err, AIDSTAT_ERR_USAGE, NULL, 0, 0,
                                 "word \"%s\": \"%s\" is neither an aid type (military, financial, "
                                 "humanitarian, other, total) nor a measure (commitment, "
                                 "allocation, delivery)", *w, eq + 1);
    }
    return AIDSTAT_OK;
}

int aid_words_lookup(const char *const *words, const char *s, bool as_type)
{
    if (!words || !s[0])
        return -1;
    char *want = g_utf8_validate(s, -1, NULL) ? g_utf8_casefold(s, -1) : NULL;
    int v = -1;
    for (const char *const *w = words; want && *w && v < 0; w++) {
        const char *eq = strchr(*w, '=');
        if (!eq)
            continue;
        char *word = g_utf8_validate(*w, eq - *w, NULL) ? g_utf8_casefold(*w, eq - *w) : NULL;
        if (word && !strcmp(word, g_strstrip(want)))
            v = as_type ? aid_type_parse(eq + 1) : aid_measure_parse(eq + 1);
        g_free(word);
    }
    g_free(want);
    return v;
}

/* Split s into its number [*num, *end) and the words around it, which
 * must be unit and currency words; false when there are none or others. */
static bool split(const char *s, const char **num, const char **end, double *scale,
                  const char **currency)
{
    const char *p = s;
    while (*p && !g_ascii_isdigit(*p) && *p != '-' && *p != '+' && *p != '.' && *p != ',')
        p++;
    *num = p;
    while (*p && (g_ascii_isdigit(*p) || strchr(".,' +-", *p)))
        p++;
    *end = p;
    while (*end > *num && (*end)[-1] == ' ')
        (*end)--;
    if (*end == *num || (*num == s && !*p) || *num - s > 16 || strlen(p) > 32)
        return false;
    char *words = g_strdup_printf("%.*s %s", (int)(*num - s), s, p);
    char *norm = aid_header_normalize(words);
    g_free(words);
    char **tok = g_strsplit(norm, "_", -1);
    g_free(norm);
    double sc = 0;
    const char *cur = NULL;
    bool ok = tok[0] != NULL;
    for (size_t k = 0; tok[k] && ok; k++) {
        const char *t = tok[k];
        const char *c = !strcmp(t, "€") || !strcmp(t, "eur") || !strcmp(t, "euro") ? "EUR"
                        : !strcmp(t, "usd") || !strcmp(t, "us")                  ? "USD"
                        : !strcmp(t, "gbp")                                      ? "GBP"
                                                                                 : NULL;
        double u = c ? 0 : aid_unit_scale(t);
        if (c && (!cur || !strcmp(cur, c)))
            cur = c;
        else if (!c && u > 1 && sc == 0)
            sc = u;
        else
            ok = false; /* two currencies, two scales, or another word */
    }
    g_strfreev(tok);
    *scale = sc;
    *currency = cur;
    return ok;
}

bool aid_words_amount(const char *s, bool comma, double *x, double *scale, const char **currency)
{
    const char *num, *end;
    if (!split(s, &num, &end, scale, currency))
        return false;
    char *n = g_strndup(num, (gsize)(end - num));
    bool ok = aid_number_parse(n, comma, x) == AID_NUM_OK;
    g_free(n);
    return ok;
}

aid_mark_t aid_words_mark(const char *s)
{
    const char *num, *end, *cur;
    double sc;
    if (!split(s, &num, &end, &sc, &cur))
        return AID_MARK_NONE;
    char *n = g_strndup(num, (gsize)(end - num));
    aid_mark_t m = aid_number_mark(n);
    g_free(n);
    return m;
}
