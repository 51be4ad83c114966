/* Reading reference tables (data/reftable.c): GDP, population or military
 * expenditure by country and year, a price deflator by year, from a CSV or
 * (military expenditure) SIPRI's workbook, load/milex.c. The World Bank's
 * layout (Country Name, Country Code, Year, Value) is one case of the
 * generic one: columns found by name.
 *
 * World
 * Bank aggregates (EUU, WLD) stay in: they are found by code like any
 * country. These tables are references, so a malformed row stops the load
 * instead of being skipped; only empty values are skipped, as the World
 * Bank leaves out country-years it has no figure for. */
#include "config.h"
#include "aidstat.h"
#include "data/error.h"
#include "data/reftable.h"
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
    static const char *const code_names[] = {"country_code", "iso3", "iso", "code", "iso_code", NULL};
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
    aidstat_ref_kind_t kind = aid_reftable_kind(R->t);
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
                      : kind == AIDSTAT_REF_GDP ? "a GDP table needs columns year and value (or gdp)"
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
    if (aid_reftable_kind(t) == AIDSTAT_REF_DEFLATOR ? !(v > 0) : v < 0) {
        if (aid_reftable_kind(t) == AIDSTAT_REF_DEFLATOR)
            aid_error_set(R->err, AIDSTAT_ERR_INPUT, R->name, line, R->cval + 1,
                          "value \"%s\" is not a positive number (column \"%s\")", vs, R->valname);
        else
            aid_error_set(R->err, AIDSTAT_ERR_INPUT, R->name, line, R->cval + 1,
                          "value \"%s\" is not a non-negative number (column \"%s\")", vs, R->valname);
        return 1;
    }
    long year;
    if (!ys[0]) {
        aid_error_set(R->err, AIDSTAT_ERR_INPUT, R->name, line, R->cyear + 1, "year missing");
        return 1;
    }
    if (!aid_int_parse(ys, &year) || year < 1 || year > 9999) {
        aid_error_set(R->err, AIDSTAT_ERR_INPUT, R->name, line, R->cyear + 1, "year \"%s\" is not a year",
                      ys);
        return 1;
    }
    bool has_code = code[0] != '\0', has_name = name[0] != '\0';
    if (aid_reftable_kind(t) != AIDSTAT_REF_DEFLATOR && !has_code && !has_name) {
        aid_error_set(R->err, AIDSTAT_ERR_INPUT, R->name, line, (R->ccode >= 0 ? R->ccode : R->cname) + 1,
                      "neither a country code nor a name");
        return 1;
    }
    if (!aid_reftable_put(t, code, name, (int)year, v)) {
        if (aid_reftable_kind(t) == AIDSTAT_REF_DEFLATOR) {
            aid_error_set(R->err, AIDSTAT_ERR_INPUT, R->name, line, R->cyear + 1, "a second value for %ld",
                          year);
        } else {
            char *ck = has_code ? aid_reftable_country_key('c', code) : aid_reftable_country_key('n', name);
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
    int y0, y1;
    aid_reftable_span(t, &y0, &y1);
    if (y0 == y1)
        snprintf(span, sizeof span, "%d", y0);
    else
        snprintf(span, sizeof span, "%d–%d", y0, y1);
    const char *currency = aidstat_reftable_currency(t);
    char *s = currency[0]
                  ? g_strdup_printf("%s (%s, %s, %s)", base, kind_label(aid_reftable_kind(t)), currency, span)
                  : g_strdup_printf("%s (%s, %s)", base, kind_label(aid_reftable_kind(t)), span);
    g_free(base);
    return s;
}

static aidstat_reftable_t *load_csv(const char *path, FILE *fp, aidstat_ref_kind_t kind, const char *currency,
                                    aidstat_error_t *err)
{
    bool money = kind == AIDSTAT_REF_GDP || kind == AIDSTAT_REF_MILEX;
    aidstat_reftable_t *t = aid_reftable_new(kind, !money ? "" : currency && *currency ? currency : "USD");
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
    else if (st == AIDSTAT_OK && aid_reftable_count(t) == 0)
        st = aid_error_set(err, AIDSTAT_ERR_INPUT, path, 0, 0, "no values in the file");
    if (st != AIDSTAT_OK) {
        aidstat_reftable_free(t);
        return NULL;
    }
    char *d = describe(t, path);
    aid_reftable_set_describe(t, d);
    g_free(d);
    return t;
}

aidstat_reftable_t *aidstat_reftable_load_sheet(const char *path, aidstat_ref_kind_t kind, const char *sheet,
                                                const char *currency, aidstat_error_t *err)
{
    aidstat_error_clear(err);
    if (!path) {
        aid_error_set(err, AIDSTAT_ERR_USAGE, NULL, 0, 0, "no reference table given");
        return NULL;
    }
    if (kind != AIDSTAT_REF_GDP && kind != AIDSTAT_REF_POPULATION && kind != AIDSTAT_REF_DEFLATOR &&
        kind != AIDSTAT_REF_MILEX) {
        aid_error_set(err, AIDSTAT_ERR_USAGE, path, 0, 0, "unknown kind of reference table (%d)", (int)kind);
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
