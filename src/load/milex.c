/* SIPRI's military expenditure workbook as a reference table.
 *
 * Each country sheet has title and legend lines, a header row whose first
 * cell is "Country" (row 6, 7 or 8 depending on the sheet), a blank row,
 * then countries interleaved with region labels ("Africa", "North
 * Africa"): a label has a name and no year values at all. Other header
 * columns (Notes, Currency, an unnamed one) are ignored; year columns are
 * those whose header is a year. "..." (the legend says ". .") means no
 * data and "xxx" that the country did not exist: no value, counted.
 *
 * SIPRI gives names only. A table of its spellings gives each country an
 * ISO 3166 alpha-3 code, so donors that carry codes find their row
 * whatever their data calls them ("Korea, South" is KOR, "Türkiye" TUR);
 * entities that no longer exist (USSR, Yugoslavia) keep their name only. */
#include "config.h"
#include "aidstat.h"
#include "data/error.h"
#include "data/intl.h"
#include "data/reftable.h"
#include "load/number.h"
#include "load/reftable.h"
#include "load/xlsx.h"

#include <glib.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#define DEFAULT_SHEET "Current US$"

/* SIPRI's country names (2025 release) and their ISO 3166-1 alpha-3 codes.
 * "European Union" (SIPRI counts the European Defence Fund) takes the
 * World Bank's code for the EU, EUU, so both kinds of table key it alike. */
static const struct {
    const char *name, *iso3;
} sipri_codes[] = {
    {"Afghanistan", "AFG"},
    {"Albania", "ALB"},
    {"Algeria", "DZA"},
    {"Angola", "AGO"},
    {"Argentina", "ARG"},
    {"Armenia", "ARM"},
    {"Australia", "AUS"},
    {"Austria", "AUT"},
    {"Azerbaijan", "AZE"},
    {"Bahrain", "BHR"},
    {"Bangladesh", "BGD"},
    {"Belarus", "BLR"},
    {"Belgium", "BEL"},
    {"Belize", "BLZ"},
    {"Benin", "BEN"},
    {"Bolivia", "BOL"},
    {"Bosnia and Herzegovina", "BIH"},
    {"Botswana", "BWA"},
    {"Brazil", "BRA"},
    {"Brunei", "BRN"},
    {"Bulgaria", "BGR"},
    {"Burkina Faso", "BFA"},
    {"Burundi", "BDI"},
    {"Cambodia", "KHM"},
    {"Cameroon", "CMR"},
    {"Canada", "CAN"},
    {"Cape Verde", "CPV"},
    {"Central African Republic", "CAF"},
    {"Chad", "TCD"},
    {"Chile", "CHL"},
    {"China", "CHN"},
    {"Colombia", "COL"},
    {"Congo, DR", "COD"},
    {"Congo, Republic", "COG"},
    {"Costa Rica", "CRI"},
    {"Cote d'Ivoire", "CIV"},
    {"Croatia", "HRV"},
    {"Cuba", "CUB"},
    {"Cyprus", "CYP"},
    {"Czechia", "CZE"},
    {"Denmark", "DNK"},
    {"Djibouti", "DJI"},
    {"Dominican Republic", "DOM"},
    {"Ecuador", "ECU"},
    {"Egypt", "EGY"},
    {"El Salvador", "SLV"},
    {"Equatorial Guinea", "GNQ"},
    {"Eritrea", "ERI"},
    {"Estonia", "EST"},
    {"Eswatini", "SWZ"},
    {"Ethiopia", "ETH"},
    {"European Union", "EUU"},
    {"Fiji", "FJI"},
    {"Finland", "FIN"},
    {"France", "FRA"},
    {"Gabon", "GAB"},
    {"Gambia, The", "GMB"},
    {"Georgia", "GEO"},
    {"Germany", "DEU"},
    {"Ghana", "GHA"},
    {"Greece", "GRC"},
    {"Guatemala", "GTM"},
    {"Guinea", "GIN"},
    {"Guinea-Bissau", "GNB"},
    {"Guyana", "GUY"},
    {"Haiti", "HTI"},
    {"Honduras", "HND"},
    {"Hungary", "HUN"},
    {"Iceland", "ISL"},
    {"India", "IND"},
    {"Indonesia", "IDN"},
    {"Iran", "IRN"},
    {"Iraq", "IRQ"},
    {"Ireland", "IRL"},
    {"Israel", "ISR"},
    {"Italy", "ITA"},
    {"Jamaica", "JAM"},
    {"Japan", "JPN"},
    {"Jordan", "JOR"},
    {"Kazakhstan", "KAZ"},
    {"Kenya", "KEN"},
    {"Korea, North", "PRK"},
    {"Korea, South", "KOR"},
    {"Kosovo", "XKX"},
    {"Kuwait", "KWT"},
    {"Kyrgyz Republic", "KGZ"},
    {"Laos", "LAO"},
    {"Latvia", "LVA"},
    {"Lebanon", "LBN"},
    {"Lesotho", "LSO"},
    {"Liberia", "LBR"},
    {"Libya", "LBY"},
    {"Lithuania", "LTU"},
    {"Luxembourg", "LUX"},
    {"Madagascar", "MDG"},
    {"Malawi", "MWI"},
    {"Malaysia", "MYS"},
    {"Mali", "MLI"},
    {"Malta", "MLT"},
    {"Mauritania", "MRT"},
    {"Mauritius", "MUS"},
    {"Mexico", "MEX"},
    {"Moldova", "MDA"},
    {"Mongolia", "MNG"},
    {"Montenegro", "MNE"},
    {"Morocco", "MAR"},
    {"Mozambique", "MOZ"},
    {"Myanmar", "MMR"},
    {"Namibia", "NAM"},
    {"Nepal", "NPL"},
    {"Netherlands", "NLD"},
    {"New Zealand", "NZL"},
    {"Nicaragua", "NIC"},
    {"Niger", "NER"},
    {"Nigeria", "NGA"},
    {"North Macedonia", "MKD"},
    {"Norway", "NOR"},
    {"Oman", "OMN"},
    {"Pakistan", "PAK"},
    {"Panama", "PAN"},
    {"Papua New Guinea", "PNG"},
    {"Paraguay", "PRY"},
    {"Peru", "PER"},
    {"Philippines", "PHL"},
    {"Poland", "POL"},
    {"Portugal", "PRT"},
    {"Qatar", "QAT"},
    {"Romania", "ROU"},
    {"Russia", "RUS"},
    {"Rwanda", "RWA"},
    {"Saudi Arabia", "SAU"},
    {"Senegal", "SEN"},
    {"Serbia", "SRB"},
    {"Seychelles", "SYC"},
    {"Sierra Leone", "SLE"},
    {"Singapore", "SGP"},
    {"Slovakia", "SVK"},
    {"Slovenia", "SVN"},
    {"Somalia", "SOM"},
    {"South Africa", "ZAF"},
    {"South Sudan", "SSD"},
    {"Spain", "ESP"},
    {"Sri Lanka", "LKA"},
    {"Sudan", "SDN"},
    {"Sweden", "SWE"},
    {"Switzerland", "CHE"},
    {"Syria", "SYR"},
    {"Taiwan", "TWN"},
    {"Tajikistan", "TJK"},
    {"Tanzania", "TZA"},
    {"Thailand", "THA"},
    {"Timor Leste", "TLS"},
    {"Togo", "TGO"},
    {"Trinidad and Tobago", "TTO"},
    {"Tunisia", "TUN"},
    {"Türkiye", "TUR"},
    {"Turkmenistan", "TKM"},
    {"Uganda", "UGA"},
    {"Ukraine", "UKR"},
    {"United Arab Emirates", "ARE"},
    {"United Kingdom", "GBR"},
    {"United States of America", "USA"},
    {"Uruguay", "URY"},
    {"Uzbekistan", "UZB"},
    {"Venezuela", "VEN"},
    {"Viet Nam", "VNM"},
    {"Yemen", "YEM"},
    {"Zambia", "ZMB"},
    {"Zimbabwe", "ZWE"},
};

static const char *sipri_code(const char *name)
{
    for (size_t i = 0; i < G_N_ELEMENTS(sipri_codes); i++)
        if (strcmp(sipri_codes[i].name, name) == 0)
            return sipri_codes[i].iso3;
    return NULL;
}

/* What a sheet holds, from its name (SIPRI's titles say the same). */
typedef struct {
    const char *currency; /* "" when not money */
    double scale;         /* to base units */
    char what[64];        /* for describe(): "USD, current prices" */
} sheet_kind_t;

static bool sheet_kind(const char *name, sheet_kind_t *k)
{
    int year;
    char rest[8];
    k->currency = "";
    k->scale = 1;
    if (strcmp(name, "Current US$") == 0) {
        k->currency = "USD";
        k->scale = 1e6;
        g_strlcpy(k->what, L_("USD, current prices"), sizeof k->what);
    } else if (sscanf(name, "Constant (%4d) US%7s", &year, rest) == 2 && strcmp(rest, "$") == 0) {
        k->currency = "USD";
        k->scale = 1e6;
        snprintf(k->what, sizeof k->what, L_("USD, constant %d prices"), year);
    } else if (strcmp(name, "Share of GDP") == 0) {
        g_strlcpy(k->what, L_("share of GDP, a fraction"), sizeof k->what);
    } else if (strcmp(name, "Share of Govt. spending") == 0) {
        g_strlcpy(k->what, L_("share of government spending, a fraction"), sizeof k->what);
    } else if (strcmp(name, "Per capita") == 0) {
        g_strlcpy(k->what, L_("US$ per person, current prices"), sizeof k->what);
    } else {
        return false;
    }
    return true;
}

typedef struct {
    aidstat_reftable_t *t;
    aid_xlsx_t *x;
    const char *path, *sheet;
    double scale;
    aidstat_error_t *err;
    bool header;
    long country_col;
    GArray *years; /* int per column, 0 = not a year column */
    long countries, labels, blank_cells;
    long dots, xxx;  /* "..." or ". ." and "xxx" */
    GString *nocode; /* names without a code */
    long nnocode;
} reader_t;

static aidstat_status_t at_cell(reader_t *R, long col, long row, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));

static aidstat_status_t at_cell(reader_t *R, long col, long row, const char *fmt, ...)
{
    char ref[8], msg[400];
    aid_xlsx_col_name(col, ref, sizeof ref);
    char *where = g_strdup_printf("%s:%s!%s%ld", R->path, R->sheet, ref, row);
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, _(fmt), ap); /* xgettext: at_cell */
    va_end(ap);
    aid_error_set(R->err, AIDSTAT_ERR_INPUT, where, 0, 0, "%s", msg);
    g_free(where);
    return AIDSTAT_ERR_INPUT;
}

static int header_row(reader_t *R, char **f, size_t n, long row)
{
    size_t first = 0;
    while (first < n && !g_strstrip(f[first])[0])
        first++;
    if (first == n || strcmp(f[first], "Country") != 0)
        return 0; /* a title or legend line */
    R->header = true;
    R->country_col = (long)first;
    g_array_set_size(R->years, n);
    size_t ny = 0;
    for (size_t i = first + 1; i < n; i++) {
        long y;
        int *slot = &g_array_index(R->years, int, i);
        *slot = 0;
        if (aid_int_parse(g_strstrip(f[i]), &y) && y >= 1000 && y <= 9999) {
            *slot = (int)y;
            ny++;
        }
    }
    if (ny == 0) {
        at_cell(R, (long)first, row, "the header row has no year columns");
        return 1;
    }
    return 0;
}

static int data_row(reader_t *R, char **f, size_t n, long row)
{
    const char *name = (size_t)R->country_col < n ? g_strstrip(f[R->country_col]) : "";
    /* first pass: does the row hold any year value? */
    long given = 0;
    long first_col = -1;
    for (size_t i = 0; i < n && i < R->years->len; i++)
        if (g_array_index(R->years, int, i) && g_strstrip(f[i])[0]) {
            given++;
            if (first_col < 0)
                first_col = (long)i;
        }
    if (!name[0]) {
        if (given) {
            at_cell(R, R->country_col, row, "values without a country name (first in %s)", f[first_col]);
            return 1;
        }
        return 0; /* the blank row after the header */
    }
    if (given == 0) {
        R->labels++; /* a region label: "Africa", "North Africa" */
        return 0;
    }
    R->countries++;
    const char *code = sipri_code(name);
    if (!code) {
        if (R->nnocode++ < 8)
            g_string_append_printf(R->nocode, "%s%s", R->nocode->len ? ", " : "", name);
    }
    for (size_t i = 0; i < n && i < R->years->len; i++) {
        int year = g_array_index(R->years, int, i);
        if (!year)
            continue;
        const char *s = f[i];
        if (!s[0]) {
            R->blank_cells++;
            continue;
        }
        if (!strcmp(s, "...") || !strcmp(s, ". .") || !strcmp(s, "..")) {
            R->dots++;
            continue;
        }
        if (!g_ascii_strcasecmp(s, "xxx")) {
            R->xxx++;
            continue;
        }
        double v;
        if (aid_number_parse(s, false, &v) != AID_NUM_OK || !isfinite(v)) {
            at_cell(R, (long)i, row, "value \"%s\" is not a number (%s, %d)", s, name, year);
            return 1;
        }
        if (v < 0) {
            at_cell(R, (long)i, row, "value \"%s\" is negative (%s, %d)", s, name, year);
            return 1;
        }
        if (!aid_reftable_put(R->t, code, name, year, v * R->scale)) {
            at_cell(R, R->country_col, row, "a second row for %s", name);
            return 1;
        }
    }
    return 0;
}

static int on_row(void *user, char **f, const size_t *lens, size_t n, long row)
{
    reader_t *R = user;
    (void)lens;
    return R->header ? data_row(R, f, n, row) : header_row(R, f, n, row);
}

aidstat_reftable_t *aid_milex_load(const char *path, const char *sheet, aidstat_error_t *err)
{
    aidstat_error_t local;
    if (!err)
        err = &local;
    aid_xlsx_t *x = aid_xlsx_open(path, path, NULL, err);
    if (!x)
        return NULL;
    const char *want = sheet ? sheet : DEFAULT_SHEET;
    long si = aid_xlsx_sheet_find(x, want);
    aidstat_reftable_t *t = NULL;
    reader_t R = {0};
    if (si < 0) {
        GString *list = g_string_new(NULL);
        for (size_t i = 0; i < aid_xlsx_sheet_count(x); i++)
            g_string_append_printf(list, "%s\"%s\"", i ? ", " : "", aid_xlsx_sheet_name(x, i));
        aid_error_set(err, AIDSTAT_ERR_INPUT, path, 0, 0,
                      "no sheet \"%s\" in the workbook (sheets: %s): not SIPRI's military "
                      "expenditure workbook?",
                      want, list->str);
        g_string_free(list, TRUE);
        goto out;
    }
    const char *sname = aid_xlsx_sheet_name(x, (size_t)si);
    sheet_kind_t kind;
    if (!sheet_kind(sname, &kind)) {
        aid_error_set(
            err, AIDSTAT_ERR_INPUT, path, 0, 0,
            "sheet \"%s\" is not one of SIPRI's sheets by country read here: "
            "\"Current US$\", \"Constant (2023) US$\", \"Share of GDP\", \"Share of "
            "Govt. spending\", \"Per capita\"%s",
            sname, g_str_has_prefix(sname, "Local currency") ? " (local currencies differ by country)" : "");
        goto out;
    }
    t = aid_reftable_new(AIDSTAT_REF_MILEX, kind.currency);
    R.t = t;
    R.x = x;
    R.path = path;
    R.sheet = sname;
    R.scale = kind.scale;
    R.err = err;
    R.years = g_array_new(FALSE, TRUE, sizeof(int));
    R.nocode = g_string_new(NULL);
    aidstat_status_t st = aid_xlsx_read_sheet(x, (size_t)si, on_row, &R, err);
    char *where = g_strdup_printf("%s:%s", path, sname);
    if (st == AIDSTAT_OK && !R.header)
        st = aid_error_set(err, AIDSTAT_ERR_INPUT, where, 0, 0,
                           "no header row starting with \"Country\": not a SIPRI military "
                           "expenditure sheet?");
    else if (st == AIDSTAT_OK && R.countries == 0)
        st = aid_error_set(err, AIDSTAT_ERR_INPUT, where, 0, 0,
                           "no country rows with values after the header");
    g_free(where);
    if (st != AIDSTAT_OK) {
        aidstat_reftable_free(t);
        t = NULL;
        goto out;
    }
    int y0, y1;
    aid_reftable_span(t, &y0, &y1);
    char *base = g_path_get_basename(path);
    char *d = g_strdup_printf(L_("SIPRI Military Expenditure Database (%s, sheet \"%s\", %s, %d–%d)"), base,
                              sname, kind.what, y0, y1);
    aid_reftable_set_describe(t, d);
    g_free(d);
    g_free(base);
    aid_reftable_note(t, "sheet \"%s\": %ld country rows, values %d–%d", sname, R.countries, y0, y1);
    aid_reftable_note(t, "%ld region label row%s skipped (a name and no year values)", R.labels,
                      R.labels == 1 ? "" : "s");
    aid_reftable_note(t,
                      "%ld cells without a value: %ld \"...\" or \". .\" (data unavailable), %ld \"xxx\" "
                      "(country did not exist), %ld empty",
                      R.dots + R.xxx + R.blank_cells, R.dots, R.xxx, R.blank_cells);
    if (R.nnocode)
        aid_reftable_note(t, "%ld name%s without an ISO 3166 code, matched by name only: %s%s", R.nnocode,
                          R.nnocode == 1 ? "" : "s", R.nocode->str, R.nnocode > 8 ? ", ..." : "");
out:
    if (R.years)
        g_array_free(R.years, TRUE);
    if (R.nocode)
        g_string_free(R.nocode, TRUE);
    aid_xlsx_close(x);
    return t;
}
