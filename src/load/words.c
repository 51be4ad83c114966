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

/* ------------------------------------------------------------------
 * Unit words of input files: currencies and scales, in headers ("Betrag
 * (Mio. EUR)") and in cells ("1,5 Mio. €"). The one table of them; the
 * currency symbols of output are data/wording.c's. */

static const struct {
    const char *word; /* normalised: lower case, no dots */
    const char *code;
    bool head;      /* may head a value column on its own: "EUR", "Euro" */
    bool cell_only; /* only beside a number in a cell: "US" */
} currency_words[] = {
    {"eur", "EUR", true, false},      {"euro", "EUR", true, false},       {"euros", "EUR", true, false},
    {"€", "EUR", true, false},        {"usd", "USD", true, false},        {"dollar", "USD", false, false},
    {"dollars", "USD", false, false}, {"us_dollar", "USD", false, false}, {"gbp", "GBP", false, false},
    {"us", "USD", false, true},
};

const char *aid_words_currency(const char *t, bool in_cell)
{
    for (size_t i = 0; i < G_N_ELEMENTS(currency_words); i++)
        if (!strcmp(t, currency_words[i].word) && (in_cell || !currency_words[i].cell_only))
            return currency_words[i].code;
    return NULL;
}

bool aid_words_value_head(const char *t)
{
    for (size_t i = 0; i < G_N_ELEMENTS(currency_words); i++)
        if (!strcmp(t, currency_words[i].word))
            return currency_words[i].head;
    return false;
}

double aid_words_scale(const char *t)
{
    static const struct {
        const char *word;
        double scale;
    } words[] = {
        {"bn", 1e9},      {"b", 1e9},         {"billion", 1e9},    {"billions", 1e9}, {"mrd", 1e9},
        {"mrds", 1e9},    {"milliarde", 1e9}, {"milliarden", 1e9}, {"m", 1e6},        {"mn", 1e6},
        {"mio", 1e6},     {"mill", 1e6},      {"million", 1e6},    {"millions", 1e6}, {"millionen", 1e6},
        {"mln", 1e6},     {"k", 1e3},         {"tsd", 1e3},        {"thousand", 1e3}, {"thousands", 1e3},
        {"tausend", 1e3},
    };
    for (size_t i = 0; i < G_N_ELEMENTS(words); i++)
        if (!strcmp(t, words[i].word))
            return words[i].scale;
    return 0;
}

size_t aid_words_unit(char *const *tok, size_t k, bool in_cell, const char **currency, double *scale)
{
    const char *t = tok[k];
    if (!t)
        return 0;
    if (!strcmp(t, "us") && tok[k + 1] && (!strcmp(tok[k + 1], "dollar") || !strcmp(tok[k + 1], "dollars"))) {
        *currency = "USD"; /* "US-Dollar", "US dollars" */
        return 2;
    }
    const char *c = aid_words_currency(t, in_cell);
    double s = c ? 0 : aid_words_scale(t);
    if (c || s) {
        if (c)
            *currency = c;
        else
            *scale = s;
        return 1;
    }
    /* a currency code glued to a scale: "EURm", "USDbn", "EURmn" */
    static const char *const codes[] = {"eur", "usd"};
    for (size_t i = 0; i < G_N_ELEMENTS(codes); i++)
        if (g_str_has_prefix(t, codes[i]) && (s = aid_words_scale(t + 3)) > 0) {
            *currency = aid_words_currency(codes[i], false);
            *scale = s;
            return 1;
        }
    /* "Betrag (in Mio. €)", "value in EUR" */
    if (!strcmp(t, "in")) {
        size_t n = aid_words_unit(tok, k + 1, in_cell, currency, scale);
        return n ? n + 1 : 0;
    }
    return 0;
}

char *aid_header_normalize(const char *s)
{
    GString *out = g_string_new(NULL);
    bool sep = false;
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
        /* currency signs are words of their own: "€bn" is € and bn */
        const char *sign = *p == '$' ? "usd" : (p[0] == 0xe2 && p[1] == 0x82 && p[2] == 0xac) ? "€" : NULL;
        if (sign) {
            if (out->len)
                g_string_append_c(out, '_');
            g_string_append(out, sign);
            p += *p == '$' ? 0 : 2;
            sep = true;
            continue;
        }
        if (g_ascii_isalnum(*p)) {
            if (sep && out->len)
                g_string_append_c(out, '_');
            sep = false;
            g_string_append_c(out, (char)g_ascii_tolower(*p));
        } else if (*p >= 0x80) {
            if (sep && out->len)
                g_string_append_c(out, '_');
            sep = false;
            g_string_append_c(out, (char)*p); /* keep UTF-8 letters as they are */
        } else {
            sep = true;
        }
    }
    return g_string_free(out, FALSE);
}

/* A unit cell: a scale word and/or a currency ("Mio. EUR", "€ bn", "USD
 * million", "units"); 0 when it is something else. */
double aid_unit_scale(const char *s)
{
    char *n = aid_header_normalize(s);
    double scale = 1;
    bool scaled = false, ok = true;
    if (!strcmp(n, "1") || !strcmp(n, "unit") || !strcmp(n, "units") || !n[0]) {
        g_free(n);
        return 1;
    }
    char **tok = g_strsplit(n, "_", -1);
    for (size_t k = 0, used; tok[k] && ok; k += used) {
        const char *cur = NULL;
        double x = 0;
        used = aid_words_unit(tok, k, false, &cur, &x);
        if (!used || (x && scaled))
            ok = false; /* "m bn", "apples": not a unit */
        else if (x)
            scale = x, scaled = true;
    }
    g_strfreev(tok);
    g_free(n);
    return ok ? scale : 0;
}

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
                                 "allocation, delivery)",
                                 *w, eq + 1);
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
static bool split(const char *s, const char **num, const char **end, double *scale, const char **currency)
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
    for (size_t k = 0, used; tok[k] && ok; k += used) {
        const char *c = NULL;
        double u = 0;
        used = aid_words_unit(tok, k, true, &c, &u);
        if (!used || (c && cur && strcmp(cur, c)) || (u && sc))
            ok = false; /* two currencies, two scales, or another word */
        if (c)
            cur = c;
        if (u)
            sc = u;
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
