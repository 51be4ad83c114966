/* The ```releases block of a report: claims across releases. The same
 * selection (by, type, measure, donor, region, from, to, per) computed on
 * each earlier release named by `releases: FILE, FILE...` (relative to the
 * spec) and on the report's data, the newest, and set side by side: one
 * column per release, oldest first, then the change from the first to the
 * last. "Europe vs US, military, to April 2025" can so be read as it stood
 * in each release. Each column is an ordinary comparison
 * (aid_query_compare over that release's records); the command line's
 * counterpart is compare --releases (src/cli/releases.c). */
#include "config.h"
#include "report/report.h"
#include "data/error.h"
#include "data/intl.h"

#include <math.h>
#include <string.h>

static const char *const releases_keys[] = {"releases", "by",    "type",   "measure", "donor",
                                            "region",   "from",  "to",     "per",     "sort",
                                            "show",     "title", "height", "caption", NULL};

bool aid_releases_block_is_chart(const aid_opts_t *o)
{
    const char *s = aid_opts_get(o, "show");
    return s && !strcmp(s, "chart");
}

/* A column's name: the release the file states ("Release 29 (04/2026)"),
 * else the file's name. */
static char *release_label(const aidstat_result_t *r, const char *file)
{
    const char *src = aidstat_result_source(r);
    const char *rel = strstr(src, "Release");
    if (!rel)
        rel = strrchr(src, ',') ? strrchr(src, ',') + 2 : src;
    return rel[0] ? g_strdup(rel) : g_path_get_basename(file);
}

/* Row label's value in r, NaN when r has no such row. */
static double value_of(const aidstat_result_t *r, const char *label)
{
    for (size_t i = 0; i < aidstat_result_rows(r); i++)
        if (!strcmp(aidstat_result_row_label(r, i), label) && !aidstat_result_row_is_others(r, i, NULL))
            return aidstat_result_value(r, i);
    return NAN;
}

/* One earlier release: its records in a table of their own, compared as
 * the report's data would be. */
static aidstat_result_t *compare_file(const aid_rdata_t *d, const char *spec, const char *name, aid_opts_t *o,
                                      long line, aidstat_filter_t *f, aidstat_error_t *err)
{
    char *path = aid_spec_file(d, spec, name, "releases", line, 1, err);
    if (!path)
        return NULL;
    aidstat_table_t *t = aidstat_table_new();
    aidstat_load_options_t lo;
    aidstat_load_options_init(&lo);
    lo.display_name = name; /* messages name the file as the spec does */
    aidstat_load_report_t *r = aidstat_load_report_new();
    aidstat_result_t *res = NULL;
    if (aidstat_load_file(path, &lo, aidstat_table_append, t, r, err) == AIDSTAT_OK) {
        aid_rdata_t other = *d;
        other.table = t;
        other.caveat = NULL; /* the report's attribution is of its own data */
        other.eukey = NULL;
        res = aid_query_compare(&other, o, f, AIDSTAT_KEY_DONOR, err);
    }
    aidstat_load_report_free(r);
    aidstat_table_free(t);
    g_free(path);
    return res;
}

static char *num(const aid_rdata_t *d, double v, double scale, int decimals, bool sign)
{
    char n[64];
    if (isnan(v))
        return g_strdup("–");
    aid_num(v / scale, decimals, d->locale, n, sizeof n);
    bool zero = strspn(n, "-0.,") == strlen(n);
    return g_strdup_printf("%s%s", sign && v > 0 && !zero ? "+" : "", zero && n[0] == '-' ? n + 1 : n);
}

static char *period_text(const aidstat_result_t *r)
{
    int y0, m0, y1, m1;
    aidstat_result_period(r, &y0, &m0, &y1, &m1);
    if (y0 <= 0)
        return g_strdup(L_("no period"));
    return aidstat_wording_period(y0, m0, y1, m1);
}

/* "Military aid allocations, EUR bn (nominal). Each column as the release
 * stated it: ... Change: the newest release against the oldest." */
static char *note_text(const aid_rdata_t *d, aidstat_result_t **res, char **labels, char **files, size_t n,
                       const char *unit)
{
    const aidstat_result_t *last = res[n - 1];
    GString *s = g_string_new(NULL);
    aidstat_wording_t w;
    aidstat_wording_from_result(&w, last);
    w.key[0] = w.key[1] = 0;
    w.stat = AIDSTAT_STAT_SUM;
    w.cumulative = false;
    /* "Military aid allocations", "Allocations" for all types */
    bool all = !strcmp(w.types, "all types") || strchr(w.types, ',');
    char *what;
    if (all && w.measure >= 0) {
        what = g_strdup(aidstat_wording_measure(w.measure));
        what[0] = g_ascii_toupper(what[0]);
    } else if (all) {
        what = g_strdup(L_("Several measures"));
    } else {
        what = aidstat_wording_subject(&w);
    }
    if (!all && w.measure < 0) {
        char *t = g_strdup_printf(L_("%s, several measures"), what);
        g_free(what);
        what = t;
    }
    g_string_append_printf(s, "%s, %s", what, unit);
    g_free(what);
    if (aidstat_result_filter(last)[0]) {
        char *sel = aidstat_wording_selection_in(aidstat_result_filter(last), d->regions,
                                                 aidstat_result_currency(last));
        g_string_append_printf(s, L_("; selection: %s"), sel);
        g_free(sel);
    }
    g_string_append(s, L_(". The same selection in each release:"));
    for (size_t k = 0; k < n; k++) {
        char *p = period_text(res[k]);
        g_string_append_printf(s, " %s, %s (%s), %s%s", labels[k], aidstat_result_source(res[k]), files[k], p,
                               k + 1 < n ? ";" : ".");
        g_free(p);
    }
    for (size_t i = 0; i < aidstat_result_note_count(last); i++)
        g_string_append_printf(s, " %c%s.", g_ascii_toupper(aidstat_result_note(last, i)[0]),
                               aidstat_result_note(last, i) + 1);
    g_string_append_c(s, ' ');
    g_string_append(s, L_("Change: the newest release against the oldest."));
    return g_string_free(s, FALSE); /* the note is plain text, not markup */
}

static void fill_table(const aid_rdata_t *d, aidstat_result_t **res, char **labels, char **files, size_t n,
                       aid_block_t *b)
{
    const aidstat_result_t *last = res[n - 1];
    /* rows in the newest release's order, then any only older ones have */
    GPtrArray *rows = g_ptr_array_new();
    GHashTable *seen = g_hash_table_new(g_str_hash, g_str_equal);
    for (size_t k = n; k-- > 0;)
        for (size_t i = 0; i < aidstat_result_rows(res[k]); i++) {
            const char *l = aidstat_result_row_label(res[k], i);
            if (!aidstat_result_row_is_others(res[k], i, NULL) && g_hash_table_add(seen, (gpointer)l))
                g_ptr_array_add(rows, (gpointer)l);
        }
    bool additive = aidstat_result_additive(last);
    bool gdp = aidstat_result_per(last) == AIDSTAT_PER_GDP;
    double maxabs = 0;
    for (size_t k = 0; k < n; k++)
        for (guint i = 0; i < rows->len; i++)
            maxabs = fmax(maxabs, fabs(value_of(res[k], rows->pdata[i])));
    double scale = gdp ? 1 : aidstat_scale_pick(maxabs);
    const char *cur = aidstat_result_currency(last);
    const char *sym = aidstat_currency_symbol(cur) ? aidstat_currency_symbol(cur) : cur;
    char unit[64];
    if (gdp)
        g_strlcpy(unit, "% of donor GDP", sizeof unit);
    else
        snprintf(unit, sizeof unit, "%s%s%s (nominal)", sym, scale > 1 ? " " : "",
                 aidstat_scale_word(scale, false));
    int decimals = gdp ? 3 : 2;
    b->ncols = n + 2;
    b->nrows = 1 + rows->len + (additive ? 1 : 0);
    b->header_rows = 1;
    b->cells = g_new0(char *, b->ncols * b->nrows);
    b->right = g_new0(bool, b->ncols);
    size_t c = 0;
    char *head = g_strdup(aidstat_key_name(aidstat_result_key(last, 0)));
    head[0] = g_ascii_toupper(head[0]);
    b->cells[c++] = head;
    for (size_t k = 0; k < n; k++)
        b->cells[c++] = g_markup_escape_text(labels[k], -1);
    b->cells[c++] = g_strdup(L_("Change"));
    for (size_t j = 1; j < b->ncols; j++)
        b->right[j] = true;
    for (guint i = 0; i < rows->len; i++) {
        const char *l = rows->pdata[i];
        b->cells[c++] = g_markup_escape_text(l, -1);
        for (size_t k = 0; k < n; k++)
            b->cells[c++] = num(d, value_of(res[k], l), scale, decimals, false);
        b->cells[c++] = num(d, value_of(res[n - 1], l) - value_of(res[0], l), scale, decimals, true);
    }
    if (additive) {
        const char *tl = aidstat_result_total_label(last);
        char *e = g_markup_escape_text(tl[0] ? tl : L_("Total"), -1);
        b->cells[c++] = g_strdup_printf("<b>%s</b>", e);
        g_free(e);
        for (size_t k = 0; k < n; k++)
            b->cells[c++] = num(d, aidstat_result_total(res[k]), scale, decimals, false);
        b->cells[c++] =
            num(d, aidstat_result_total(res[n - 1]) - aidstat_result_total(res[0]), scale, decimals, true);
    }
    b->note = note_text(d, res, labels, files, n, unit);
    g_hash_table_destroy(seen);
    g_ptr_array_free(rows, TRUE);
}

/* The releases the block names, each a trimmed file name. */
static char **release_files(const aid_opts_t *o, long line, aidstat_error_t *err)
{
    const char *v = aid_opts_get(o, "releases");
    char **files = v ? g_strsplit(v, ",", -1) : NULL;
    size_t n = 0;
    for (char **f = files; f && *f; f++, n++)
        if (!g_strstrip(*f)[0])
            n = 1000;
    if (!n || n > 20) {
        g_strfreev(files);
        aid_opts_error(
            o, v ? "releases" : NULL, line, 1, err,
            "releases: give the earlier releases' files, separated by commas (at most 20); the report's "
            "data is the newest");
        return NULL;
    }
    return files;
}

aidstat_status_t aid_releases_block(const aid_rdata_t *d, const char *spec, aid_opts_t *o, long line,
                                    aid_block_t *b, aidstat_error_t *err)
{
    aidstat_status_t st = aid_opts_check(o, releases_keys, line, 1, err);
    if (st != AIDSTAT_OK)
        return st;
    const char *show = aid_opts_get(o, "show");
    if (show && strcmp(show, "table") && strcmp(show, "chart"))
        return aid_opts_error(o, "show", line, 1, err, "show: use table or chart");
    char **files = release_files(o, line, err);
    if (!files)
        return err->code;
    size_t n = g_strv_length(files) + 1;
    aidstat_result_t **res = g_new0(aidstat_result_t *, n);
    char **labels = g_new0(char *, n + 1);
    char **names = g_new0(char *, n + 1);
    aidstat_filter_t *f = aid_query_filter(d, o, false, err);
    st = f ? AIDSTAT_OK : err->code;
    for (size_t k = 0; k < n && st == AIDSTAT_OK; k++) {
        names[k] = g_strdup(k + 1 < n ? files[k] : _("the report's data"));
        res[k] = k + 1 < n ? compare_file(d, spec, files[k], o, line, f, err)
                           : aid_query_compare(d, o, f, AIDSTAT_KEY_DONOR, err);
        if (!res[k])
            st = err->code ? err->code : AIDSTAT_ERR_DATA;
        else
            labels[k] = release_label(res[k], names[k]);
    }
    for (size_t k = 1; k < n && st == AIDSTAT_OK; k++)
        if (strcmp(aidstat_result_currency(res[k]), aidstat_result_currency(res[0])) ||
            aidstat_result_measure(res[k]) != aidstat_result_measure(res[0]) ||
            aidstat_result_per(res[k]) != aidstat_result_per(res[0]))
            st = aid_opts_error(
                o, "releases", line, 1, err,
                "releases: %s and %s differ in measure or unit: the releases cannot be set side by side",
                names[0], names[k]);
    if (st == AIDSTAT_OK) {
        /* alike labels are numbered so that no two columns read the same */
        bool dup = false;
        for (size_t i = 0; i < n; i++)
            for (size_t j = 0; j < n; j++)
                dup |= i != j && !strcmp(labels[i], labels[j]);
        for (size_t i = 0; dup && i < n; i++) {
            char *l = g_strdup_printf("[%zu] %s", i + 1, labels[i]);
            g_free(labels[i]);
            labels[i] = l;
        }
        if (aid_releases_block_is_chart(o)) {
            aidstat_chart_options_t co;
            aidstat_chart_options_init(&co);
            co.title = aid_opts_get(o, "title");
            co.locale = d->locale == AID_LOCALE_DE ? "de" : "en";
            b->chart = aidstat_chart_from_releases((const aidstat_result_t *const *)res,
                                                   (const char *const *)labels, n, &co, err);
            st = b->chart ? AIDSTAT_OK : err->code;
        } else {
            fill_table(d, res, labels, names, n, b);
        }
    }
    for (size_t k = 0; k < n; k++)
        aidstat_result_free(res[k]);
    g_free(res);
    g_strfreev(labels);
    g_strfreev(names);
    g_strfreev(files);
    aidstat_filter_free(f);
    return st;
}
