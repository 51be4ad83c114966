/* Known files and header guessing. Kiel's website files are recognised by
 * their exact header; their units (EUR billion, 2021 GDP) come from the
 * tracker's chart pages, as kiel-ust-web-r29/PROVENANCE.md records. */
#include "config.h"
#include "load/loader.h"
#include "data/intl.h"
#include "data/record.h"
#include "load/words.h"

#include <glib.h>
#include <string.h>

#define IGN                                                                                                  \
    {                                                                                                        \
        ROLE_IGNORE, -1, -1, 0, NULL, 0, 0, false                                                            \
    }
#define COL(r)                                                                                               \
    {                                                                                                        \
        r, -1, -1, 0, NULL, 0, 0, false                                                                      \
    }
#define WIDE(t, m)                                                                                           \
    {                                                                                                        \
        ROLE_WIDE, t, m, 0, NULL, 0, 0, false                                                                \
    }

static const char *const h_explorer[] = {
    "country",   "iso",          "year",     "month",       "total",
    "financial", "humanitarian", "military", "commitments", "to_be_allocated",
    "gdp",       "pct_gdp",      NULL};
static const aid_column_t c_explorer[] = {COL(ROLE_DONOR),
                                          COL(ROLE_ISO3),
                                          COL(ROLE_YEAR),
                                          COL(ROLE_MONTH),
                                          COL(ROLE_CHECKSUM),
                                          WIDE(AIDSTAT_TYPE_FINANCIAL, AIDSTAT_MEASURE_ALLOCATION),
                                          WIDE(AIDSTAT_TYPE_HUMANITARIAN, AIDSTAT_MEASURE_ALLOCATION),
                                          WIDE(AIDSTAT_TYPE_MILITARY, AIDSTAT_MEASURE_ALLOCATION),
                                          WIDE(AIDSTAT_TYPE_TOTAL, AIDSTAT_MEASURE_COMMITMENT),
                                          WIDE(AIDSTAT_TYPE_TOTAL, AIDSTAT_MEASURE_TO_BE_ALLOCATED),
                                          COL(ROLE_GDP),
                                          IGN};

/* the same file before Kiel added to_be_allocated (the snapshots of July
 * 2026 in kiel-ust-web-history) */
static const char *const h_explorer_v0[] = {"country",     "iso",       "year",         "month",
                                            "total",       "financial", "humanitarian", "military",
                                            "commitments", "gdp",       "pct_gdp",      NULL};
static const aid_column_t c_explorer_v0[] = {COL(ROLE_DONOR),
                                             COL(ROLE_ISO3),
                                             COL(ROLE_YEAR),
                                             COL(ROLE_MONTH),
                                             COL(ROLE_CHECKSUM),
                                             WIDE(AIDSTAT_TYPE_FINANCIAL, AIDSTAT_MEASURE_ALLOCATION),
                                             WIDE(AIDSTAT_TYPE_HUMANITARIAN, AIDSTAT_MEASURE_ALLOCATION),
                                             WIDE(AIDSTAT_TYPE_MILITARY, AIDSTAT_MEASURE_ALLOCATION),
                                             WIDE(AIDSTAT_TYPE_TOTAL, AIDSTAT_MEASURE_COMMITMENT),
                                             COL(ROLE_GDP),
                                             IGN};

static const char *const h_totals[] = {"year",         "month", "total_allocations", "military", "financial",
                                       "humanitarian", NULL};
static const aid_column_t c_totals[] = {COL(ROLE_YEAR),
                                        COL(ROLE_MONTH),
                                        COL(ROLE_CHECKSUM),
                                        WIDE(AIDSTAT_TYPE_MILITARY, AIDSTAT_MEASURE_ALLOCATION),
                                        WIDE(AIDSTAT_TYPE_FINANCIAL, AIDSTAT_MEASURE_ALLOCATION),
                                        WIDE(AIDSTAT_TYPE_HUMANITARIAN, AIDSTAT_MEASURE_ALLOCATION)};

static const char *const h_procurement[] = {"year",        "month",     "stockpile", "procurement",
                                            "unspecified", "nato_purl", NULL};
static const aid_column_t c_procurement[] = {COL(ROLE_YEAR),
                                             COL(ROLE_MONTH),
                                             WIDE(AIDSTAT_TYPE_MILITARY, AIDSTAT_MEASURE_ALLOCATION),
                                             WIDE(AIDSTAT_TYPE_MILITARY, AIDSTAT_MEASURE_ALLOCATION),
                                             WIDE(AIDSTAT_TYPE_MILITARY, AIDSTAT_MEASURE_ALLOCATION),
                                             WIDE(AIDSTAT_TYPE_MILITARY, AIDSTAT_MEASURE_ALLOCATION)};

static const char *const h_weapons[] = {"donor",        "category", "number_of_weapons", "monetary_value_eur",
                                        "weapons_list", NULL};
static const aid_column_t c_weapons[] = {
    COL(ROLE_DONOR), IGN, IGN, {ROLE_VALUE, -1, -1, 1.0, "EUR", 0, 0, false}, IGN};

static const char *const h_eushares[] = {
    "country", "iso", "bilateral_pct_gdp", "eu_share_pct_gdp", "total_pct_gdp", "eu_share_bn", NULL};
static const aid_column_t c_eushares[] = {
    COL(ROLE_DONOR), COL(ROLE_ISO3), IGN, IGN, IGN, WIDE(AIDSTAT_TYPE_TOTAL, AIDSTAT_MEASURE_ALLOCATION)};

static const char *const h_release[] = {"release", "period", "date", "label", NULL};
static const aid_column_t c_release[] = {IGN, IGN, IGN, IGN};

static const char *const h_long[] = {"donor",    "iso3",    "recipient", "year",     "month",
                                     "type",     "measure", "value",     "currency", "gdp",
                                     "gdp_year", "source",  "release",   NULL};
static const aid_column_t c_long[] = {COL(ROLE_DONOR),     COL(ROLE_ISO3),
                                      COL(ROLE_RECIPIENT), COL(ROLE_YEAR),
                                      COL(ROLE_MONTH),     COL(ROLE_TYPE),
                                      COL(ROLE_MEASURE),   {ROLE_VALUE, -1, -1, 1.0, NULL, 0, 0, false},
                                      COL(ROLE_CURRENCY),  {ROLE_GDP, -1, -1, 1.0, NULL, 0, 0, false},
                                      COL(ROLE_GDP_YEAR),  COL(ROLE_SOURCE),
                                      COL(ROLE_RELEASE)};

/* the long format of a split (aidstat convert of a sourcing split): each
 * record also names its part */
static const char *const h_long_part[] = {"donor",    "iso3",    "recipient", "year",     "month",
                                          "type",     "measure", "value",     "currency", "gdp",
                                          "gdp_year", "source",  "release",   "part",     NULL};
static const aid_column_t c_long_part[] = {COL(ROLE_DONOR),     COL(ROLE_ISO3),
                                           COL(ROLE_RECIPIENT), COL(ROLE_YEAR),
                                           COL(ROLE_MONTH),     COL(ROLE_TYPE),
                                           COL(ROLE_MEASURE),   {ROLE_VALUE, -1, -1, 1.0, NULL, 0, 0, false},
                                           COL(ROLE_CURRENCY),  {ROLE_GDP, -1, -1, 1.0, NULL, 0, 0, false},
                                           COL(ROLE_GDP_YEAR),  COL(ROLE_SOURCE),
                                           COL(ROLE_RELEASE),   COL(ROLE_PART)};

#define KIEL "Kiel Institute, Ukraine Support Tracker"

static const aid_profile_t profiles[] = {
    {"kiel-data-explorer",
     N_("Kiel Ukraine Support Tracker: data explorer (allocations and commitments by donor and month, "
        "EUR billion)"),
     h_explorer, c_explorer, NULL, NULL, "EUR", 1e9, 2021, KIEL, -1, -1, false, true, NULL,
     AIDSTAT_DATASET_RECORDS},
    {"kiel-data-explorer",
     N_("Kiel Ukraine Support Tracker: data explorer (allocations and commitments by donor and month, "
        "EUR billion; the header without to_be_allocated)"),
     h_explorer_v0, c_explorer_v0, NULL, NULL, "EUR", 1e9, 2021, KIEL, -1, -1, false, true, NULL,
     AIDSTAT_DATASET_RECORDS},
    {"kiel-total-allocations",
     N_("Kiel Ukraine Support Tracker: monthly allocations summed over all donors (EUR billion)"), h_totals,
     c_totals, "All donors", "", "EUR", 1e9, 0, KIEL, -1, -1, false, true, NULL, AIDSTAT_DATASET_AGGREGATE},
    {"kiel-procurement-trends",
     N_("Kiel Ukraine Support Tracker: monthly military allocations by sourcing (EUR billion)"),
     h_procurement, c_procurement, "All donors", "", "EUR", 1e9, 0, KIEL, -1, -1, false, true,
     N_("stockpile, procurement, unspecified and NATO PURL columns are loaded as military "
        "allocations"),
     AIDSTAT_DATASET_SPLIT},
    {"kiel-weapons", N_("Kiel Ukraine Support Tracker: heavy weapons by donor and category (EUR)"), h_weapons,
     c_weapons, NULL, NULL, "EUR", 1.0, 0, KIEL, AIDSTAT_TYPE_MILITARY, AIDSTAT_MEASURE_ALLOCATION, true,
     true,
     N_("heavy-weapons values carry no date and are taken as military allocations; "
        "the file does not state the measure"),
     AIDSTAT_DATASET_INVENTORY},
    {"kiel-eu-aid-shares",
     N_("Kiel Ukraine Support Tracker: each EU member's share of EU-level aid (EUR billion)"), h_eushares,
     c_eushares, NULL, NULL, "EUR", 1e9, 0, KIEL, -1, -1, true, true,
     N_("values are each member's attributed share of EU-level aid (eu_share_bn), not bilateral aid; "
        "do not add them to the EU institutions' own row"),
     AIDSTAT_DATASET_KEY},
    {"kiel-release-info", N_("Kiel Ukraine Support Tracker: release information (no aid records)"), h_release,
     c_release, NULL, NULL, "EUR", 1.0, 0, KIEL, -1, -1, true, false, NULL, AIDSTAT_DATASET_REFERENCE},
    {"aidstat-long", N_("aidstat long format (one record per row, values in base units)"), h_long, c_long,
     NULL, NULL, NULL, 1.0, 0, NULL, -1, -1, false, false, NULL, AIDSTAT_DATASET_RECORDS},
    {"aidstat-long", N_("aidstat long format of a split (one record per row, each naming its part)"),
     h_long_part, c_long_part, NULL, NULL, NULL, 1.0, 0, NULL, -1, -1, false, false, NULL,
     AIDSTAT_DATASET_SPLIT},
};

const aid_profile_t *aid_profile_match(char **names, size_t n)
{
    for (size_t p = 0; p < G_N_ELEMENTS(profiles); p++) {
        const char *const *h = profiles[p].header;
        size_t k = 0;
        while (h[k] && k < n && strcmp(h[k], names[k]) == 0)
            k++;
        if (!h[k] && k == n)
            return &profiles[p];
    }
    return NULL;
}

const aid_profile_t *aid_profile_find(const char *name)
{
    for (size_t p = 0; p < G_N_ELEMENTS(profiles); p++)
        if (strcmp(profiles[p].name, name) == 0)
            return &profiles[p];
    return NULL;
}

const char *aid_profile_names(void)
{
    return "csv, kiel-data-explorer, kiel-total-allocations, kiel-procurement-trends, "
           "kiel-weapons, kiel-eu-aid-shares, kiel-release-info, aidstat-long";
}

static bool in(const char *s, const char *const *list)
{
    for (; *list; list++)
        if (strcmp(s, *list) == 0)
            return true;
    return false;
}

aid_column_t aid_column_guess(const char *norm)
{
    static const char *const donor[] = {"country",  "donor",        "donor_country", "donor_name",
                                        "supplier", "country_name", "name",          "giver",
                                        "geber",    "geberland",    "land",          NULL};
    static const char *const iso[] = {"iso",          "iso3",      "iso_code",   "iso3_code",  "code",
                                      "country_code", "donor_iso", "donor_iso3", "donor_code", NULL};
    static const char *const recipient[] = {"recipient", "recipient_country", "beneficiary",
                                            "empfänger", "empfaenger",        NULL};
    static const char *const date[] = {"date", "period", "announcement_date", "date_of_announcement",
                                       "time", "datum",  "zeitraum",          NULL};
    static const char *const type[] = {"type", "aid_type", "type_of_aid",   "kind",
                                       "art",  "hilfsart", "art_der_hilfe", NULL};
    static const char *const measure[] = {"measure", "status", "stage", NULL};
    /* ForeignAssistance.gov and the like: a row's transaction kind is its measure */
    static const char *const transaction[] = {"transaction_type_name", "transaction_type", "transaction_kind",
                                              "transaction",           "flow_type",        NULL};
    static const char *const currency[] = {"currency", "cur", "ccy", "währung", NULL};
    static const char *const unit[] = {"unit", "units", "scale", "einheit", NULL};
    /* and the currency words that head a value column (words.c) */
    static const char *const valuehead[] = {"value", "amount", "total_value", "sum", "betrag", "wert", NULL};

    aid_column_t c = {ROLE_IGNORE, -1, -1, 0, NULL, 0, 0, false};
    if (in(norm, donor))
        c.role = ROLE_DONOR;
    else if (in(norm, iso))
        c.role = ROLE_ISO3;
    else if (in(norm, recipient))
        c.role = ROLE_RECIPIENT;
    else if (!strcmp(norm, "year") || !strcmp(norm, "jahr"))
        c.role = ROLE_YEAR;
    else if (!strcmp(norm, "month") || !strcmp(norm, "monat"))
        c.role = ROLE_MONTH;
    else if (!strcmp(norm, "day"))
        c.role = ROLE_DAY;
    else if (in(norm, date))
        c.role = ROLE_DATE;
    else if (in(norm, type))
        c.role = ROLE_TYPE;
    else if (in(norm, measure) || in(norm, transaction))
        c.role = ROLE_MEASURE;
    else if (in(norm, currency))
        c.role = ROLE_CURRENCY;
    else if (in(norm, unit))
        c.role = ROLE_UNIT;
    else if (!strcmp(norm, "gdp_year"))
        c.role = ROLE_GDP_YEAR;
    else if (!strcmp(norm, "source"))
        c.role = ROLE_SOURCE;
    else if (!strcmp(norm, "release"))
        c.role = ROLE_RELEASE;
    if (c.role != ROLE_IGNORE)
        return c;

    /* value columns: a head word (value, amount, a type, a measure, gdp)
     * then optional currency and unit words: "value_eur_bn", "military_usd_m" */
    char **tok = g_strsplit(norm, "_", -1);
    size_t nt = g_strv_length(tok);
    size_t k = 0;
    int t, m;
    if (nt == 0) {
        g_strfreev(tok);
        return c;
    }
    if (in(tok[0], valuehead) || aid_words_value_head(tok[0])) {
        c.role = ROLE_VALUE;
        c.currency = aid_words_currency(tok[0], false);
        k = 1;
    } else if (!strcmp(tok[0], "gdp")) {
        c.role = ROLE_GDP;
        k = 1;
    } else if (!strcmp(tok[0], "total") && (nt == 1 || !strcmp(tok[1], "aid") ||
                                            aid_words_currency(tok[1], false) || aid_words_scale(tok[1]))) {
        c.role = ROLE_WIDE;
        c.type = AIDSTAT_TYPE_TOTAL;
        k = (nt > 1 && !strcmp(tok[1], "aid")) ? 2 : 1;
    } else if ((t = aid_type_parse(tok[0])) >= 0 && t != AIDSTAT_TYPE_TOTAL) {
        c.role = ROLE_WIDE;
        c.type = t;
        k = (nt > 1 && !strcmp(tok[1], "aid")) ? 2 : 1;
    } else if (!strcmp(norm, "to_be_allocated")) {
        c.role = ROLE_WIDE;
        c.type = -1; /* the row's type, or all types when there is no type column */
        c.measure = AIDSTAT_MEASURE_TO_BE_ALLOCATED;
        k = nt;
    } else if ((m = aid_measure_parse(tok[0])) >= 0) {
        c.role = ROLE_WIDE;
        c.type = -1;
        c.measure = m;
        k = 1;
    }
    for (size_t used; c.role != ROLE_IGNORE && k < nt; k += used) {
        const char *cur = NULL;
        double s = 0;
        used = aid_words_unit(tok, k, false, &cur, &s);
        /* two scales or currencies ("Mio. Mrd."): which one? not an amount */
        if (used && !(s && c.scale > 0 && s != c.scale) && !(cur && c.currency && strcmp(cur, c.currency))) {
            if (cur)
                c.currency = cur;
            if (s)
                c.scale = s;
        } else {
            c.role = ROLE_IGNORE; /* "military_share", "value_pct": not an amount */
            c.type = c.measure = -1;
            c.scale = 0;
            c.currency = NULL;
        }
    }
    g_strfreev(tok);
    return c;
}

char *aid_kiel_release_label(const char *release, const char *period)
{
    if (period && *period)
        return g_strdup_printf("Release %s (%s)", release, period);
    return g_strdup_printf("Release %s", release);
}

bool aid_donor_is_aggregate(const char *name)
{
    /* normalised: "All donors" -> all_donors, "EU total" -> eu_total */
    static const char *const exact[] = {
        "total",       "totals",        "grand_total",         "sum",          "all",
        "all_donors",  "all_countries", "all_donor_countries", "world",        "overall",
        "aggregate",   "subtotal",      "sub_total",           "eu_total",     "eu27_total",
        "eu_27_total", "total_eu",      "total_eu27",          "donors_total", "summe",
        "gesamt",      "insgesamt",     "alle_geber",          "welt",         NULL};
    char *n = aid_header_normalize(name);
    bool agg = in(n, exact) || g_str_has_prefix(n, "total_") || g_str_has_suffix(n, "_total") ||
               g_str_has_prefix(n, "all_donors_") || g_str_has_prefix(n, "sum_of_");
    g_free(n);
    return agg;
}

bool aid_header_is_transaction(const char *norm)
{
    return g_str_has_prefix(norm, "transaction") || g_str_has_prefix(norm, "flow_type");
}

int aid_measure_or_transaction(const char *s)
{
    int m = aid_measure_parse(s);
    if (m >= 0)
        return m;
    /* the transaction kinds of US foreign-aid data (ForeignAssistance.gov):
     * an obligation binds the money (a commitment), a disbursement pays it
     * out (a delivery); appropriations and budget requests are budget
     * stages, not aid given */
    static const char *const commitment[] = {"obligation", "obligations", "obligated", NULL};
    static const char *const delivery[] = {"disbursement", "disbursements", "disbursed",
                                           "outlay",       "outlays",       NULL};
    static const char *const budget[] = {"appropriated_and_planned",
                                         "appropriation",
                                         "appropriations",
                                         "appropriated",
                                         "planned",
                                         "president_s_budget_requests",
                                         "budget_request",
                                         "budget_requests",
                                         "request",
                                         "requests",
                                         "president_s_budget_request",
                                         NULL};
    char *n = aid_header_normalize(s);
    int r = in(n, commitment) ? AIDSTAT_MEASURE_COMMITMENT
            : in(n, delivery) ? AIDSTAT_MEASURE_DELIVERY
            : in(n, budget)   ? AID_MEASURE_NOT_AID
                              : -1;
    g_free(n);
    return r;
}

const char *aid_reference_layout(char **norm, size_t n)
{
    /* the World Bank's indicator downloads: long (country, code, year,
     * value) or wide (one column per year after the indicator's name) */
    static const char *const wb_long[] = {"country_name", "country_code", "year", "value", NULL};
    bool is_long = n == 4;
    for (size_t i = 0; i < n && is_long; i++)
        is_long = strcmp(norm[i], wb_long[i]) == 0;
    bool is_wide = false;
    for (size_t i = 0; i < n; i++)
        is_wide |= strcmp(norm[i], "indicator_code") == 0 || strcmp(norm[i], "indicator_name") == 0;
    if (is_long || is_wide)
        return N_("a World Bank indicator table (a reference table such as GDP or population by "
                  "country and year), not aid records");
    return NULL;
}

bool aid_inventory_layout(char **norm, size_t n)
{
    /* items counted and named: heavy weapons by donor and kind, say */
    static const char *const count[] = {"number_of_weapons", "number", "quantity", "qty", "count", "units",
                                        "number_of_units",   "pieces", NULL};
    static const char *const item[] = {"weapon",    "weapons", "weapons_list", "weapon_system", "system",
                                       "equipment", "item",    "items",        "category",      "model",
                                       NULL};
    bool has_count = false, has_item = false;
    for (size_t i = 0; i < n; i++) {
        has_count |= in(norm[i], count);
        has_item |= in(norm[i], item);
    }
    return has_count && has_item;
}
