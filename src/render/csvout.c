/* A comparison as CSV or TSV: the one writer behind `compare --format
 * csv`, the numbers attached to report and chart PDFs, and the C API. One
 * row per result row: rank, label (and code by donor), the columns, value,
 * share, cumulative share, then what the numbers are (measure, type, unit,
 * price basis, period, source). Numbers are written exactly (the shortest
 * text that reads back as the same double); a missing number is empty. */
#include "config.h"
#include "render/render.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

/* Text a spreadsheet would run as a formula: = + - @ tab CR first, except
 * a number such as -1.5, which is data. */
static bool is_formula(const char *s)
{
    if (!s[0] || !strchr("=+-@\t\r", s[0]))
        return false;
    if (s[0] == '+' || s[0] == '-') {
        char *end;
        g_ascii_strtod(s, &end);
        if (end != s && !*end)
            return false;
    }
    return true;
}

/* One text cell: quoted when it holds the separator, a quote or a line
 * break (CSV); tabs and line breaks become spaces (TSV); a formula gets a
 * leading apostrophe unless formulas (the OWASP advice for CSV exports). */
static void field(GString *out, const char *s, char sep, bool formulas)
{
    const char *prefix = !formulas && is_formula(s) ? "'" : "";
    if (sep == '\t') {
        g_string_append(out, prefix);
        for (const char *p = s; *p; p++)
            g_string_append_c(out, *p == '\t' || *p == '\n' || *p == '\r' ? ' ' : *p);
        return;
    }
    if (!strpbrk(s, ",\"\r\n")) {
        g_string_append(out, prefix);
        g_string_append(out, s);
        return;
    }
    g_string_append_c(out, '"');
    g_string_append(out, prefix);
    for (const char *p = s; *p; p++) {
        if (*p == '"')
            g_string_append_c(out, '"');
        g_string_append_c(out, *p);
    }
    g_string_append_c(out, '"');
}

char *aidstat_csv_cell(const char *s, char sep, unsigned flags)
{
    GString *out = g_string_new(NULL);
    field(out, s ? s : "", sep, (flags & AIDSTAT_CSV_FORMULAS) != 0);
    return g_string_free(out, FALSE);
}

/* The shortest of 15 to 17 significant digits that reads back as x;
 * nothing for NaN. */
static void number(GString *out, double x)
{
    if (x != x)
        return;
    if (x == 0)
        x = 0; /* no "-0" */
    char buf[G_ASCII_DTOSTR_BUF_SIZE];
    static const char *const fmt[] = {"%.15g", "%.16g", "%.17g"};
    for (size_t i = 0; i < G_N_ELEMENTS(fmt); i++) {
        g_ascii_formatd(buf, sizeof buf, fmt[i], x);
        if (g_ascii_strtod(buf, NULL) == x)
            break;
    }
    g_string_append(out, buf);
}

static char *period_iso(int y, int m)
{
    return y <= 0 ? g_strdup("") : m <= 0 ? g_strdup_printf("%04d", y) : g_strdup_printf("%04d-%02d", y, m);
}

const char *aidstat_result_unit_code(const aidstat_result_t *r, char *buf, size_t len)
{
    if (aidstat_result_stat(r) == AIDSTAT_STAT_COUNT)
        return "records";
    if (aidstat_result_per(r) == AIDSTAT_PER_GDP)
        return "% of GDP";
    if (aidstat_result_per(r) == AIDSTAT_PER_MILEX)
        return "% of military expenditure";
    if (aidstat_result_per(r) == AIDSTAT_PER_CAPITA) {
        snprintf(buf, len, "%s per person", aidstat_result_currency(r));
        return buf;
    }
    return aidstat_result_currency(r);
}

typedef struct {
    GString *out;
    char sep;
    bool formulas;
    bool donor, per, allocated;
    bool keyed_type, keyed_measure; /* a metadata column that repeats a key column is left out */
} csv_t;

static void header(const csv_t *w, const aidstat_result_t *r)
{
    GString *out = w->out;
    char sep = w->sep;
    field(out, "rank", sep, w->formulas);
    g_string_append_c(out, sep);
    field(out, aidstat_key_name(aidstat_result_key(r, 0)), sep, w->formulas);
    if (w->donor) {
        g_string_append_c(out, sep);
        field(out, "code", sep, w->formulas);
    }
    for (size_t j = 0; j < aidstat_result_cols(r); j++) {
        g_string_append_c(out, sep);
        field(out, aidstat_result_col_label(r, j), sep, w->formulas);
    }
    static const char *const meta[] = {"value", "share",       "cumulative_share", "measure",   "type",
                                       "unit",  "price_basis", "period_from",      "period_to", "source"};
    for (size_t k = 0; k < G_N_ELEMENTS(meta); k++) {
        if ((k == 3 && w->keyed_measure) || (k == 4 && w->keyed_type))
            continue;
        g_string_append_c(out, sep);
        field(out, meta[k], sep, w->formulas);
    }
    if (w->per) {
        const char *denom = aidstat_result_per(r) == AIDSTAT_PER_MILEX ? "milex" : "gdp";
        g_string_append_printf(out, "%cvalue_%s%c%s_%s", sep, aidstat_result_currency(r), sep, denom,
                               aidstat_result_currency(r));
    }
    if (w->allocated)
        g_string_append_printf(out, "%callocated_share", sep);
    g_string_append_c(out, '\n');
}

static void row(const csv_t *w, const aidstat_result_t *r, size_t i, const char *const vals[7])
{
    GString *out = w->out;
    char sep = w->sep;
    size_t rank = aidstat_result_rank(r, i);
    if (rank)
        g_string_append_printf(out, "%zu", rank);
    g_string_append_c(out, sep);
    field(out, aidstat_result_row_label(r, i), sep, w->formulas);
    if (w->donor) {
        g_string_append_c(out, sep);
        field(out, aidstat_result_row_code(r, i), sep, w->formulas);
    }
    for (size_t j = 0; j < aidstat_result_cols(r); j++) {
        g_string_append_c(out, sep);
        number(out, aidstat_result_cell(r, i, j));
    }
    g_string_append_c(out, sep);
    number(out, aidstat_result_value(r, i));
    g_string_append_c(out, sep);
    number(out, aidstat_result_share(r, i));
    g_string_append_c(out, sep);
    number(out, aidstat_result_cumulative_share(r, i));
    for (size_t k = 0; k < 7; k++) {
        if ((k == 0 && w->keyed_measure) || (k == 1 && w->keyed_type))
            continue;
        g_string_append_c(out, sep);
        field(out, vals[k], sep, w->formulas);
    }
    if (w->per) {
        double gdp = aidstat_result_gdp(r, i);
        g_string_append_c(out, sep);
        number(out, aidstat_result_absolute(r, i));
        g_string_append_c(out, sep);
        if (gdp > 0)
            number(out, gdp);
    }
    if (w->allocated) {
        g_string_append_c(out, sep);
        number(out, aidstat_result_allocated_share(r, i));
    }
    g_string_append_c(out, '\n');
}

void aid_csv_result(GString *out, const aidstat_result_t *r, char sep, bool formulas)
{
    aidstat_key_t k0 = aidstat_result_key(r, 0), k1 = aidstat_result_key(r, 1);
    csv_t w = {
        .out = out,
        .sep = sep,
        .formulas = formulas,
        .donor = k0 == AIDSTAT_KEY_DONOR,
        .per = aidstat_result_per(r) == AIDSTAT_PER_GDP || aidstat_result_per(r) == AIDSTAT_PER_MILEX,
        .allocated = !isnan(aidstat_result_allocated_share(r, (size_t)-1)),
        .keyed_type = k0 == AIDSTAT_KEY_TYPE || k1 == AIDSTAT_KEY_TYPE,
        .keyed_measure = k0 == AIDSTAT_KEY_MEASURE || k1 == AIDSTAT_KEY_MEASURE,
    };
    int mm = aidstat_result_measure(r);
    int y0, m0, y1, m1;
    aidstat_result_period(r, &y0, &m0, &y1, &m1);
    char *from = period_iso(y0, m0), *to = period_iso(y1, m1);
    char unit_buf[64];
    const char *basis = aidstat_wording_basis(aidstat_result_currency(r), aidstat_result_basis(r));
    const char *const vals[7] = {mm >= 0 ? aidstat_measure_name((aidstat_measure_t)mm) : "several",
                                 aidstat_result_types(r),
                                 aidstat_result_unit_code(r, unit_buf, sizeof unit_buf),
                                 basis,
                                 from,
                                 to,
                                 aidstat_result_source(r)};
    header(&w, r);
    for (size_t i = 0; i < aidstat_result_rows(r); i++)
        row(&w, r, i, vals);
    g_free(from);
    g_free(to);
}

char *aidstat_result_csv(const aidstat_result_t *r, char sep, unsigned flags, size_t *len)
{
    GString *out = g_string_new(NULL);
    aid_csv_result(out, r, sep == '\t' ? '\t' : ',', (flags & AIDSTAT_CSV_FORMULAS) != 0);
    if (len)
        *len = out->len;
    return g_string_free(out, FALSE);
}

/* -------------------------------------------------------- attachments */

char *aid_csv_name(const char *kind, int number, const char *caption)
{
    /* ASCII only, so that every reader and file system takes the name */
    char *ascii = g_str_to_ascii(caption ? caption : "", "C");
    GString *n = g_string_new(kind);
    if (number > 0)
        g_string_append_printf(n, "%s%d", n->len ? "-" : "", number);
    bool dash = n->len > 0;
    size_t chars = 0; /* of the caption: names stay short, ending at a word's end */
    for (const char *p = ascii; *p && !(dash && chars >= 40); p++) {
        if (g_ascii_isalnum(*p)) {
            if (dash && n->len)
                g_string_append_c(n, '-');
            dash = false;
            g_string_append_c(n, g_ascii_tolower(*p));
            chars++;
        } else {
            dash = true;
        }
    }
    if (!n->len)
        g_string_append(n, "data");
    g_string_append(n, ".csv");
    g_free(ascii);
    return g_string_free(n, FALSE);
}

aid_attachment_t *aid_attachment_new(char *name, const char *description, const char *data, size_t len)
{
    aid_attachment_t *a = g_new0(aid_attachment_t, 1);
    a->name = name;
    a->description = g_strdup(description);
    a->data = g_byte_array_sized_new((guint)len);
    g_byte_array_append(a->data, (const guint8 *)data, (guint)len);
    return a;
}

void aid_attachment_free(void *p)
{
    aid_attachment_t *a = p;
    if (!a)
        return;
    g_free(a->name);
    g_free(a->description);
    g_byte_array_unref(a->data);
    g_free(a);
}
