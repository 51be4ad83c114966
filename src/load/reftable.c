/* Reference tables: GDP, population or military expenditure by country
 * and year, a price deflator by year. The World Bank's layout (Country Name, Country Code,
 * Year, Value) is one case of the generic one: columns found by name.
 *
 * Values are keyed twice, by upper-case code and by case-folded name, so a
 * record that carries only a donor name still finds its country. World
 * Bank aggregates (EUU, WLD) stay in: they are found by code like any
 * country. These tables are references, so a malformed row stops the load
 * instead of being skipped; only empty values are skipped, as the World
 * Bank leaves out country-years it has no figure for. */
#include "config.h"
#include "aidstat.h"
#include "data/error.h"
#include "load/csv.h"
#include "load/loader.h"
#include "load/number.h"
#include "load/reftable.h"
#include "load/xlsx.h"

#include <errno.h>
#include <glib.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

struct aidstat_reftable {
    aidstat_ref_kind_t kind;
    char *currency;      /* "" unless the values are money */
    GHashTable *values;  /* key(country, year) -> double */
    GHashTable *latest;  /* key(country) -> latest year */
    int y0, y1;
    uint64_t nvalues;
    char *describe;
    GPtrArray *notes; /* char * */
};

/* Keys: 'c' + upper-case code or 'n' + case-folded name, then for values
 * '\x1f' + year. A deflator's one series is the empty code. */
static char *country_key(char prefix, const char *s)
{
    char *t = g_strstrip(g_strdup(s));
    /* g_utf8_casefold needs UTF-8: a name that is not cannot match one */
    char *norm = prefix == 'c' ? g_ascii_strup(t, -1)
                 : g_utf8_validate(t, -1, NULL) ? g_utf8_casefold(t, -1) : g_strdup(t);
    char *key = g_strdup_printf("%c%s", prefix, norm);
    g_free(norm);
    g_free(t);
    return key;
}

static char *value_key(const char *country, int year)
{
    return g_strdup_printf("%s\x1f%d", country, year);
}

static const char *kind_label(aidstat_ref_kind_t kind)
{
    return kind == AIDSTAT_REF_GDP          ? "GDP"
           : kind == AIDSTAT_REF_POPULATION ? "population"
           : kind == AIDSTAT_REF_MILEX      ? "military expenditure"
                                            : "deflator";
}

typedef struct {
    aidstat_reftable_t *t;
    const char *name;
    aidstat_error_t *err;
    bool header;
    int ccode, cname, cyear, cval;
    char *valname; /* the value column's header, for messages */
} reader_t;

/* The first column whose normalised name is in names (in names' order of
 * preference), or -1. */
static int find_column(char **norm, size_t n, const char *const *names)
{
    for (; *names; names++)
        for (size_t i = 0; i < n; i++)
            if (strcmp(norm[i], *names) == 0)
                return (int)i;
    return -1;
}

static int header(reader_t *R, char **f, size_t n)
{
    static const char *const code_names[] = {"country_code", "iso3", "iso", "code", "iso_code",
                                             NULL};
    static const char *const name_names[] = {"country_name", "country", "name", NULL};
    static const char *const year_names[] = {"year", NULL};
    static const char *const value_names[][4] = {
        [AIDSTAT_REF_GDP] = {"gdp", "value", NULL},
        [AIDSTAT_REF_POPULATION] = {"population", "value", NULL},
        [AIDSTAT_REF_DEFLATOR] = {"index", "deflator", "value", NULL},
        [AIDSTAT_REF_MILEX] = {"milex", "military_expenditure", "value", NULL},
    };
    char **norm = g_new0(char *, n + 1);
    for (size_t i = 0; i < n; i++)
        norm[i] = aid_header_normalize(f[i]);
    aidstat_ref_kind_t kind = R->t->kind;
    R->header = true;
    R->cyear = find_column(norm, n, year_names);
    R->cval = find_column(norm, n, value_names[kind]);
    if (kind != AIDSTAT_REF_DEFLATOR) {
        R->ccode = find_column(norm, n, code_names);
        R->cname = find_column(norm, n, name_names);
    }
    g_strfreev(norm);
    if (R->cyear < 0 || R->cval < 0) {
        aid_error_set(R->err, AIDSTAT_ERR_INPUT, R->name, 1, 0,
                      kind == AIDSTAT_REF_DEFLATOR
                          ? "a deflator table needs columns year and index (or value)"
                      : kind == AIDSTAT_REF_GDP
                          ? "a GDP table needs columns year and value (or gdp)"
                      : kind == AIDSTAT_REF_MILEX
                          ? "a military expenditure table needs columns year and value (or milex)"
                          : "a population table needs columns year and value (or population)");
        return 1;
    }
    if (kind != AIDSTAT_REF_DEFLATOR && R->ccode < 0 && R->cname < 0) {
        aid_error_set(R->err, AIDSTAT_ERR_INPUT, R->name, 1, 0,
                      "a %s table needs a country column: a code (country_code, iso3, iso, "
                      "code) or a name (country_name, country, name)",
                      kind_label(kind));
        return 1;
    }
    R->valname = g_strdup(f[R->cval]);
    return 0;
}

/* Store v under country key ck (owned here) for year; false when the
 * table has a value there already. */
static bool put_key(aidstat_reftable_t *t, char *ck, int year, double v)
{
    char *vk = value_key(ck, year);
    if (g_hash_table_contains(t->values, vk)) {
        g_free(vk);
        g_free(ck);
        return false;
    }
    double *p = g_new(double, 1);
    *p = v;
    g_hash_table_insert(t->values, vk, p);
    int latest = GPOINTER_TO_INT(g_hash_table_lookup(t->latest, ck));
    if (year > latest)
        g_hash_table_insert(t->latest, ck, GINT_TO_POINTER(year));
    else
        g_free(ck);
    return true;
}

bool aid_reftable_put(aidstat_reftable_t *t, const char *code, const char *name, int year,
                      double v)
{
    if (t->kind == AIDSTAT_REF_DEFLATOR) {
        if (!put_key(t, g_strdup(""), year, v))
            return false;
    } else {
        bool has_code = code && code[0], has_name = name && name[0];
        if (has_code && !put_key(t, country_key('c', code), year, v))
            return false;
        /* a name is a second way in: when a code is there, a name shared
         * by two codes keeps the first */
        if (has_name) {
            char *nk = country_key('n', name);
            char *vk = value_key(nk, year);
            bool dup = g_hash_table_contains(t->values, vk);
            g_free(vk);
            if (dup && has_code)
                g_free(nk);
            else if (!put_key(t, nk, year, v))
                return false;
        }
    }
    if (t->nvalues == 0 || year < t->y0)
        t->y0 = year;
    if (t->nvalues == 0 || year > t->y1)
        t->y1 = year;
    t->nvalues++;
    return true;
}

static int row(void *user, char **f, const size_t *lens, size_t n, long line)
{
    reader_t *R = user;
    (void)lens;
    if (!R->header)
        return header(R, f, n);
    aidstat_reftable_t *t = R->t;
#define CELL(c) ((c) >= 0 && (size_t)(c) < n ? f[c] : "")
    const char *ys = CELL(R->cyear), *vs = CELL(R->cval);
    const char *code = CELL(R->ccode), *name = CELL(R->cname);
#undef CELL
    double v;
    aid_num_t st = aid_number_parse(vs, false, &v);
    if (st == AID_NUM_MISSING)
        return 0;
    if (st == AID_NUM_BAD || !isfinite(v)) {
        aid_error_set(R->err, AIDSTAT_ERR_INPUT, R->name, line, R->cval + 1,
                      "value \"%s\" is not a number (column \"%s\")", vs, R->valname);
        return 1;
    }
    if (t->kind == AIDSTAT_REF_DEFLATOR ? !(v > 0) : v < 0) {
        aid_error_set(R->err, AIDSTAT_ERR_INPUT, R->name, line, R->cval + 1,
                      "value \"%s\" is not a %s number (column \"%s\")", vs,
                      t->kind == AIDSTAT_REF_DEFLATOR ? "positive" : "non-negative", R->valname);
        return 1;
    }
    long year;
    if (!ys[0]) {
        aid_error_set(R->err, AIDSTAT_ERR_INPUT, R->name, line, R->cyear + 1, "year missing");
        return 1;
    }
    if (!aid_int_parse(ys, &year) || year < 1 || year > 9999) {
        aid_error_set(R->err, AIDSTAT_ERR_INPUT, R->name, line, R->cyear + 1,
                      "year \"%s\" is not a year", ys);
        return 1;
    }
    bool has_code = code[0] != '\0', has_name = name[0] != '\0';
    if (t->kind != AIDSTAT_REF_DEFLATOR && !has_code && !has_name) {
        aid_error_set(R->err, AIDSTAT_ERR_INPUT, R->name, line,
                      (R->ccode >= 0 ? R->ccode : R->cname) + 1,
                      "neither a country code nor a name");
        return 1;
    }
    if (!aid_reftable_put(t, code, name, (int)year, v)) {
        if (t->kind == AIDSTAT_REF_DEFLATOR) {
            aid_error_set(R->err, AIDSTAT_ERR_INPUT, R->name, line, R->cyear + 1,
                          "a second value for %ld", year);
        } else {
            char *ck = has_code ? country_key('c', code) : country_key('n', name);
            aid_error_set(R->err, AIDSTAT_ERR_INPUT, R->name, line, R->cyear + 1,
                          "a second value for %s in %ld", ck + 1, year);
            g_free(ck);
        }
        return 1;
    }
    return 0;
}

static char *describe(const aidstat_reftable_t *t, const char *path)
{
    char *base = g_path_get_basename(path);
    char span[32];
    if (t->y0 == t->y1)
        snprintf(span, sizeof span, "%d", t->y0);
    else
        snprintf(span, sizeof span, "%d–%d", t->y0, t->y1);
    char *s = t->currency[0]
                  ? g_strdup_printf("%s (%s, %s, %s)", base, kind_label(t->kind), t->currency, span)
                  : g_strdup_printf("%s (%s, %s)", base, kind_label(t->kind), span);
    g_free(base);
    return s;
}

aidstat_reftable_t *aid_reftable_new(aidstat_ref_kind_t kind, const char *currency)
{
    aidstat_reftable_t *t = g_new0(aidstat_reftable_t, 1);
    t->kind = kind;
    t->currency = g_ascii_strup(currency ? currency : "", -1);
    t->values = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, g_free);
    t->latest = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
    t->notes = g_ptr_array_new_with_free_func(g_free);
    return t;
}

void aid_reftable_set_describe(aidstat_reftable_t *t, const char *describe)
{
    g_free(t->describe);
    t->describe = g_strdup(describe);
}

void aid_reftable_note(aidstat_reftable_t *t, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    g_ptr_array_add(t->notes, g_strdup_vprintf(fmt, ap));
    va_end(ap);
}

void aid_reftable_span(const aidstat_reftable_t *t, int *y0, int *y1)
{
    *y0 = t->y0;
    *y1 = t->y1;
}

static aidstat_reftable_t *load_csv(const char *path, FILE *fp, aidstat_ref_kind_t kind,
                                    const char *currency, aidstat_error_t *err)
{
    bool money = kind == AIDSTAT_REF_GDP || kind == AIDSTAT_REF_MILEX;
    aidstat_reftable_t *t =
        aid_reftable_new(kind, !money ? "" : currency && *currency ? currency : "USD");
    reader_t R = {0};
    R.t = t;
    R.name = path;
    R.err = err;
    R.ccode = R.cname = R.cyear = R.cval = -1;
    aid_csv_t *csv = aid_csv_new(path, 0);
    aidstat_status_t st = aid_csv_read(csv, fp, NULL, 0, row, &R, err);
    aid_csv_free(csv);
    g_free(R.valname);
    if (st == AIDSTAT_OK && !R.header)
        st = aid_error_set(err, AIDSTAT_ERR_INPUT, path, 0, 0, "empty file: no header");
    else if (st == AIDSTAT_OK && t->nvalues == 0)
        st = aid_error_set(err, AIDSTAT_ERR_INPUT, path, 0, 0, "no values in the file");
    if (st != AIDSTAT_OK) {
        aidstat_reftable_free(t);
        return NULL;
    }
    t->describe = describe(t, path);
    return t;
}

aidstat_reftable_t *aidstat_reftable_load_sheet(const char *path, aidstat_ref_kind_t kind,
                                                const char *sheet, const char *currency,
                                                aidstat_error_t *err)
{
    aidstat_error_clear(err);
    if (!path) {
        aid_error_set(err, AIDSTAT_ERR_USAGE, NULL, 0, 0, "no reference table given");
        return NULL;
    }
    if (kind != AIDSTAT_REF_GDP && kind != AIDSTAT_REF_POPULATION &&
        kind != AIDSTAT_REF_DEFLATOR && kind != AIDSTAT_REF_MILEX) {
        aid_error_set(err, AIDSTAT_ERR_USAGE, path, 0, 0, "unknown kind of reference table (%d)",
                      (int)kind);
        return NULL;
    }
    FILE *fp = fopen(path, "rb");
    if (!fp) {
        aid_error_set(err, AIDSTAT_ERR_INPUT, path, 0, 0, "cannot open: %s", g_strerror(errno));
        return NULL;
    }
    unsigned char magic[4];
    size_t got = fread(magic, 1, sizeof magic, fp);
    bool zip = aid_xlsx_sniff(magic, got);
    aidstat_reftable_t *t = NULL;
    if (zip && kind != AIDSTAT_REF_MILEX) {
        aid_error_set(err, AIDSTAT_ERR_INPUT, path, 0, 0,
                      "a workbook: only military expenditure (SIPRI's workbook) is read from "
                      "one; save the %s table as CSV",
                      kind_label(kind));
    } else if (zip) {
        fclose(fp);
        return aid_milex_load(path, sheet, err);
    } else if (sheet) {
        aid_error_set(err, AIDSTAT_ERR_USAGE, path, 0, 0,
                      "not a workbook: a sheet (\"%s\") can be chosen only in a workbook", sheet);
    } else if (fseek(fp, 0, SEEK_SET) != 0) {
        aid_error_set(err, AIDSTAT_ERR_INPUT, path, 0, 0, "cannot read: %s", g_strerror(errno));
    } else {
        t = load_csv(path, fp, kind, currency, err);
    }
    fclose(fp);
    return t;
}

aidstat_reftable_t *aidstat_reftable_load_file(const char *path, aidstat_ref_kind_t kind,
                                               const char *currency, aidstat_error_t *err)
{
    return aidstat_reftable_load_sheet(path, kind, NULL, currency, err);
}

void aidstat_reftable_free(aidstat_reftable_t *t)
{
    if (!t)
        return;
    g_hash_table_destroy(t->values);
    g_hash_table_destroy(t->latest);
    g_free(t->currency);
    g_free(t->describe);
    g_ptr_array_free(t->notes, TRUE);
    g_free(t);
}

/* The country key to use: the code's when the table knows it, else the
 * name's; NULL when neither is known. A deflator has one series. */
static char *find_country(const aidstat_reftable_t *t, const char *code, const char *name)
{
    if (t->kind == AIDSTAT_REF_DEFLATOR)
        return g_strdup("");
    if (code && *code) {
        char *k = country_key('c', code);
        if (g_hash_table_contains(t->latest, k))
            return k;
        g_free(k);
    }
    if (name && *name) {
        char *k = country_key('n', name);
        if (g_hash_table_contains(t->latest, k))
            return k;
        g_free(k);
    }
    return NULL;
}

double aidstat_reftable_get(const aidstat_reftable_t *t, const char *code, const char *name,
                            int year)
{
    if (!t)
        return NAN;
    char *ck = find_country(t, code, name);
    if (!ck)
        return NAN;
    char *vk = value_key(ck, year);
    const double *v = g_hash_table_lookup(t->values, vk);
    g_free(vk);
    g_free(ck);
    return v ? *v : NAN;
}

int aidstat_reftable_latest_year(const aidstat_reftable_t *t, const char *code, const char *name)
{
    if (!t)
        return 0;
    char *ck = find_country(t, code, name);
    if (!ck)
        return 0;
    int y = GPOINTER_TO_INT(g_hash_table_lookup(t->latest, ck));
    g_free(ck);
    return y;
}

const char *aidstat_reftable_currency(const aidstat_reftable_t *t)
{
    return t ? t->currency : "";
}

const char *aidstat_reftable_describe(const aidstat_reftable_t *t)
{
    return t ? t->describe : "";
}

size_t aidstat_reftable_note_count(const aidstat_reftable_t *t)
{
    return t ? t->notes->len : 0;
}

const char *aidstat_reftable_note(const aidstat_reftable_t *t, size_t i)
{
    return t && i < t->notes->len ? g_ptr_array_index(t->notes, i) : NULL;
}
