/* wording: how a selection is presented in words — its title, the unit
 * and scale ("€ billion"), currency symbols, price basis, period ranges —
 * in one place, so that the command line, charts, reports and a program
 * embedding the library say the same thing about the same data.
 *
 * Every English phrase of the module is in the table `phrases` below, in
 * one spot for translation; word order lives in its format strings. */
#include "config.h"
#include "aidstat.h"
#include "data/country.h"
#include "data/intl.h"
#include "data/numfmt.h"
#include "data/wording.h"

#include <glib.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

enum {
    P_AID,          /* a selection of several or all aid types */
    P_TYPE_AID,     /* one aid type: "military aid" */
    P_ARMS,         /* SIPRI's arms transfers, which are not only aid */
    P_MILITARY_AID, /* one aid type as a whole phrase (German adjectives agree) */
    P_FINANCIAL_AID,
    P_HUMANITARIAN_AID,
    P_WITH_MEASURE,        /* "military aid" + "allocations" */
    P_MEASURE_COMMITMENTS, /* the measure as a word in a title */
    P_MEASURE_ALLOCATIONS,
    P_MEASURE_DELIVERIES,
    P_MEASURE_TO_BE_ALLOCATED,
    P_UNIT,       /* "€" + "billion" */
    P_BY,         /* "... by donor" */
    P_BY_TWO,     /* "... by donor and type" */
    P_FROM,       /* "... from Germany" */
    P_TO,         /* "... to Ukraine" */
    P_LIST_AND,   /* the last pair of a list: "France and Germany" */
    P_CUMULATIVE, /* "Cumulative military aid ..." */
    P_TREND,      /* "Trend of military aid ..." */
    P_STAT_COUNT,
    P_STAT_MEAN,
    P_STAT_MEDIAN,
    P_STAT_MIN,
    P_STAT_MAX,
    P_STAT_SD,
    P_PERIOD_RANGE,  /* "2022 – 2024" */
    P_NOMINAL,       /* price basis of money as reported */
    P_NOMINAL_SHORT, /* the same, for machines */
    P_CONSTANT,      /* "constant 2022 prices" */
    P_MONEY_UNIT,    /* "€ billion" + " per year" + "(EUR, nominal: current prices)" */
    P_PER,           /* " per year" */
    P_TIV_UNIT,      /* SIPRI's trend-indicator values, with their scale and basis */
    P_TIV_SHORT,     /* the short form: "TIV million" */
    P_MILLIONS,
    P_BILLIONS,
    P_THOUSANDS,
    P_UNITS,
    P_KEY_DONOR,
    P_KEY_DONORS,
    P_KEY_SUPPLIER,
    P_KEY_SUPPLIERS,
    P_KEY_REGION,
    P_KEY_REGIONS,
    P_KEY_TYPE,
    P_KEY_TYPES,
    P_KEY_MEASURE,
    P_KEY_MEASURES,
    P_KEY_YEAR,
    P_KEY_YEARS,
    P_KEY_QUARTER,
    P_KEY_QUARTERS,
    P_KEY_MONTH,
    P_KEY_MONTHS,
    P_KEY_SOURCING,
    P_KEY_SOURCINGS,
    P_SCALE_BN,
    P_SCALE_M,
    P_SCALE_K,
    P_SCALE_BILLION,
    P_SCALE_MILLION,
    P_SCALE_THOUSAND,
    P_COUNT
};

static const char *const phrases[P_COUNT] = {
    [P_AID] = NC_("wording", "aid"),
    [P_TYPE_AID] = NC_("wording", "%s aid"),
    [P_ARMS] = NC_("wording", "major arms"),
    [P_MILITARY_AID] = NC_("wording", "military aid"),
    [P_FINANCIAL_AID] = NC_("wording", "financial aid"),
    [P_HUMANITARIAN_AID] = NC_("wording", "humanitarian aid"),
    [P_WITH_MEASURE] = NC_("wording", "%s %s"),
    [P_MEASURE_COMMITMENTS] = NC_("wording", "commitments"),
    [P_MEASURE_ALLOCATIONS] = NC_("wording", "allocations"),
    [P_MEASURE_DELIVERIES] = NC_("wording", "deliveries"),
    [P_MEASURE_TO_BE_ALLOCATED] = NC_("wording", "to be allocated"),
    [P_UNIT] = NC_("wording", "%1$s %2$s"),
    [P_BY] = NC_("wording", "%s by %s"),
    [P_BY_TWO] = NC_("wording", "%s by %s and %s"),
    [P_FROM] = NC_("wording", "%s from %s"),
    [P_TO] = NC_("wording", "%s to %s"),
    [P_LIST_AND] = NC_("wording", "%s and %s"),
    [P_CUMULATIVE] = NC_("wording", "cumulative %s"),
    [P_TREND] = NC_("wording", "trend of %s"),
    [P_STAT_COUNT] = NC_("wording", "number of records of %s"),
    [P_STAT_MEAN] = NC_("wording", "mean record of %s"),
    [P_STAT_MEDIAN] = NC_("wording", "median record of %s"),
    [P_STAT_MIN] = NC_("wording", "smallest record of %s"),
    [P_STAT_MAX] = NC_("wording", "largest record of %s"),
    [P_STAT_SD] = NC_("wording", "standard deviation of records of %s"),
    [P_PERIOD_RANGE] = NC_("wording", "%s – %s"),
    [P_NOMINAL] = NC_("wording", "nominal: current prices"),
    [P_NOMINAL_SHORT] = NC_("wording", "nominal"),
    [P_CONSTANT] = NC_("wording", "constant %d prices"),
    [P_MONEY_UNIT] = NC_("wording", "%s%s (%s, %s)"),
    [P_PER] = NC_("wording", " per %s"),
    [P_TIV_UNIT] = NC_("wording", "SIPRI trend-indicator values (TIV), %s%s, constant 1990 prices"),
    [P_TIV_SHORT] = NC_("wording", "TIV %s"),
    [P_MILLIONS] = NC_("wording", "millions"),
    [P_BILLIONS] = NC_("wording", "billions"),
    [P_THOUSANDS] = NC_("wording", "thousands"),
    [P_UNITS] = NC_("wording", "units"),
    [P_KEY_DONOR] = NC_("wording", "donor"),
    [P_KEY_DONORS] = NC_("wording", "donors"),
    [P_KEY_SUPPLIER] = NC_("wording", "supplier"),
    [P_KEY_SUPPLIERS] = NC_("wording", "suppliers"),
    [P_KEY_REGION] = NC_("wording", "region"),
    [P_KEY_REGIONS] = NC_("wording", "regions"),
    [P_KEY_TYPE] = NC_("wording", "type"),
    [P_KEY_TYPES] = NC_("wording", "types"),
    [P_KEY_MEASURE] = NC_("wording", "measure"),
    [P_KEY_MEASURES] = NC_("wording", "measures"),
    [P_KEY_YEAR] = NC_("wording", "year"),
    [P_KEY_YEARS] = NC_("wording", "years"),
    [P_KEY_QUARTER] = NC_("wording", "quarter"),
    [P_KEY_QUARTERS] = NC_("wording", "quarters"),
    [P_KEY_MONTH] = NC_("wording", "month"),
    [P_KEY_MONTHS] = NC_("wording", "months"),
    [P_KEY_SOURCING] = NC_("wording", "sourcing"),
    [P_KEY_SOURCINGS] = NC_("wording", "sourcings"),
    [P_SCALE_BN] = NC_("wording", "bn"),
    [P_SCALE_M] = NC_("wording", "m"),
    [P_SCALE_K] = NC_("wording", "k"),
    [P_SCALE_BILLION] = NC_("wording", "billion"),
    [P_SCALE_MILLION] = NC_("wording", "million"),
    [P_SCALE_THOUSAND] = NC_("wording", "thousand"),
};

/* A phrase in the language of names for people (English for machines). */
static const char *ph(int i)
{
    return aid_gettext_ctx("wording", phrases[i]);
}

/* ------------------------------------------------------------- units */

double aidstat_scale_pick(double maxabs)
{
    return maxabs >= 1e9 ? 1e9 : maxabs >= 1e6 ? 1e6 : 1;
}

double aidstat_scale_pick_for(const char *currency, double maxabs)
{
    if (aidstat_currency_is_tiv(currency))
        return 1e6; /* SIPRI states TIVs in millions */
    return aidstat_scale_pick(maxabs);
}

const char *aidstat_scale_word(double scale, bool long_form)
{
    if (scale >= 1e9)
        return ph(long_form ? P_SCALE_BILLION : P_SCALE_BN);
    if (scale >= 1e6)
        return ph(long_form ? P_SCALE_MILLION : P_SCALE_M);
    if (scale >= 1e3)
        return ph(long_form ? P_SCALE_THOUSAND : P_SCALE_K);
    return "";
}

bool aidstat_currency_is_tiv(const char *currency)
{
    return currency && !strcmp(currency, "TIV");
}

char *aidstat_wording_unit(const char *currency, double scale, bool long_form)
{
    const char *sym = aidstat_currency_symbol(currency);
    const char *c = sym ? sym : currency ? currency : "";
    const char *word = aidstat_scale_word(scale, long_form);
    if (!c[0] || !word[0])
        return g_strdup_printf("%s%s", c, word);
    return g_strdup_printf(ph(P_UNIT), c, word);
}

char *aidstat_wording_prices(const char *currency, int base_year)
{
    if (aidstat_currency_is_tiv(currency))
        return g_strdup_printf(ph(P_CONSTANT), 1990); /* SIPRI's own constant prices */
    if (base_year)
        return g_strdup_printf(ph(P_CONSTANT), base_year);
    return g_strdup(ph(P_NOMINAL));
}

const char *aidstat_wording_basis(const char *currency, const char *basis)
{
    if (basis && basis[0])
        return basis;
    if (aidstat_currency_is_tiv(currency))
        return "constant 1990 prices"; /* SIPRI's own: never nominal */
    return phrases[P_NOMINAL_SHORT];   /* a value for machines: never translated */
}

char *aidstat_wording_unit_statement(const char *currency, double scale, const char *per, int base_year)
{
    char *perw = per && per[0] ? g_strdup_printf(ph(P_PER), per) : g_strdup("");
    char *out;
    if (aidstat_currency_is_tiv(currency)) {
        int p = scale >= 1e9 ? P_BILLIONS : scale >= 1e6 ? P_MILLIONS : scale >= 1e3 ? P_THOUSANDS : P_UNITS;
        out = g_strdup_printf(ph(P_TIV_UNIT), ph(p), perw);
    } else {
        char *unit = aidstat_wording_unit(currency, scale, true);
        char *prices = aidstat_wording_prices(currency, base_year);
        out = g_strdup_printf(ph(P_MONEY_UNIT), unit, perw, currency ? currency : "", prices);
        g_free(unit);
        g_free(prices);
    }
    g_free(perw);
    return out;
}

/* ------------------------------------------------------------ periods */

char *aidstat_wording_period(int y0, int m0, int y1, int m1)
{
    char a[32], b[32];
    if (y0 <= 0)
        return g_strdup("");
    aidstat_period_format(y0, m0, a, sizeof a);
    aidstat_period_format(y1, m1, b, sizeof b);
    return strcmp(a, b) ? g_strdup_printf(ph(P_PERIOD_RANGE), a, b) : g_strdup(a);
}

/* -------------------------------------------------------------- titles */

static int key_phrase(aidstat_key_t k, const char *currency)
{
    int p;
    switch (k) {
    case AIDSTAT_KEY_DONOR:
        /* SIPRI's arms suppliers sell as well as give: not donors */
        p = aidstat_currency_is_tiv(currency) ? P_KEY_SUPPLIER : P_KEY_DONOR;
        break;
    case AIDSTAT_KEY_REGION:
        p = P_KEY_REGION;
        break;
    case AIDSTAT_KEY_TYPE:
        p = P_KEY_TYPE;
        break;
    case AIDSTAT_KEY_MEASURE:
        p = P_KEY_MEASURE;
        break;
    case AIDSTAT_KEY_YEAR:
        p = P_KEY_YEAR;
        break;
    case AIDSTAT_KEY_QUARTER:
        p = P_KEY_QUARTER;
        break;
    case AIDSTAT_KEY_MONTH:
        p = P_KEY_MONTH;
        break;
    case AIDSTAT_KEY_SOURCING:
        p = P_KEY_SOURCING;
        break;
    default:
        return -1;
    }
    return p;
}

const char *aidstat_wording_key(aidstat_key_t k, const char *currency, bool plural)
{
    int p = key_phrase(k, currency);
    return p < 0 ? "" : ph(p + (plural ? 1 : 0));
}

const char *aidstat_wording_key_title(aidstat_key_t k, const char *currency)
{
    /* the phrases with a capital, made once: "Donor", "Supplier" */
    static gchar **caps;
    if (g_once_init_enter(&caps)) {
        gchar **c = g_new0(gchar *, P_COUNT + 1);
        for (int i = 0; i < P_COUNT; i++) {
            c[i] = g_strdup(phrases[i]);
            c[i][0] = g_ascii_toupper(c[i][0]);
        }
        g_once_init_leave(&caps, c);
    }
    int p = key_phrase(k, currency);
    if (p < 0)
        return "";
    const char *t = ph(p);
    return t != phrases[p] ? t : caps[p]; /* a translation capitalises its nouns itself */
}

void aidstat_wording_init(aidstat_wording_t *w)
{
    memset(w, 0, sizeof *w);
    w->size = sizeof *w;
    w->types = "all types";
    w->measure = -1;
    w->currency = "";
    w->filter = "";
}

/* The names a filter text ("donor=a,b, recipient=c") gives for key, as
 * a list in words ("a and b"); NULL when it names none. */
static char *filter_names(const char *filter, const char *key)
{
    size_t klen = strlen(key);
    GPtrArray *names = g_ptr_array_new_with_free_func(g_free);
    const char *p = filter;
    while (p && *p) {
        while (*p == ' ' || *p == ',')
            p++;
        const char *eq = strchr(p, '=');
        if (!eq)
            break;
        bool mine = (size_t)(eq - p) == klen && !strncmp(p, key, klen);
        p = eq + 1;
        /* the value: names separated by ',' up to ", " that starts the next key */
        GString *name = g_string_new(NULL);
        bool quoted = false;
        for (;; p++) {
            if (*p == '"') {
                quoted = !quoted;
                continue;
            }
            if (!*p || (!quoted && *p == ',')) {
                if (mine && name->len)
                    g_ptr_array_add(names, g_strdup(name->str));
                g_string_truncate(name, 0);
                if (!*p || p[1] == ' ')
                    break;
                continue;
            }
            g_string_append_c(name, *p);
        }
        g_string_free(name, TRUE);
    }
    char *out = NULL;
    for (guint i = 0; i < names->len; i++) {
        const char *n = g_ptr_array_index(names, i);
        char *t;
        if (!out)
            t = g_strdup(n);
        else if (i + 1 == names->len)
            t = g_strdup_printf(ph(P_LIST_AND), out, n);
        else
            t = g_strdup_printf("%s, %s", out, n);
        g_free(out);
        out = t;
    }
    g_ptr_array_free(names, TRUE);
    return out;
}

/* s with its first letter in upper case, in place. */
static char *capitalize(char *s)
{
    if (s && s[0])
        s[0] = g_ascii_toupper(s[0]);
    return s;
}

/* fmt around s, s freed: wrap(s, "cumulative %s"). */
static char *wrap(char *s, const char *fmt)
{
    char *t = g_strdup_printf(fmt, s);
    g_free(s);
    return t;
}

const char *aidstat_wording_measure(int measure)
{
    static const int words[] = {[AIDSTAT_MEASURE_COMMITMENT] = P_MEASURE_COMMITMENTS,
                                [AIDSTAT_MEASURE_ALLOCATION] = P_MEASURE_ALLOCATIONS,
                                [AIDSTAT_MEASURE_DELIVERY] = P_MEASURE_DELIVERIES,
                                [AIDSTAT_MEASURE_TO_BE_ALLOCATED] = P_MEASURE_TO_BE_ALLOCATED};
    if (measure < 0 || (size_t)measure >= G_N_ELEMENTS(words))
        return "";
    return ph(words[measure]);
}

char *aidstat_wording_subject(const aidstat_wording_t *w)
{
    const char *types = w->types ? w->types : "all types";
    char *what;
    if (aidstat_currency_is_tiv(w->currency))
        what = g_strdup(ph(P_ARMS));
    else if (!strcmp(types, "military"))
        what = g_strdup(ph(P_MILITARY_AID));
    else if (!strcmp(types, "financial"))
        what = g_strdup(ph(P_FINANCIAL_AID));
    else if (!strcmp(types, "humanitarian"))
        what = g_strdup(ph(P_HUMANITARIAN_AID));
    else if (strcmp(types, "all types") && !strchr(types, ','))
        what = g_strdup_printf(ph(P_TYPE_AID), types);
    else
        what = g_strdup(ph(P_AID));
    if (w->measure >= 0) {
        const char *ml = aidstat_wording_measure(w->measure);
        char *t = g_strdup_printf(ph(P_WITH_MEASURE), what, ml);
        g_free(what);
        what = t;
    }
    return capitalize(what);
}

static char *names_list(const char *filter, const char *key, char *(*name)(const char *, const void *),
                        const void *user, size_t *n);
static char *donor_people(const char *s, const void *unused);

/* The names of a SIPRI selection's suppliers or recipients: in German the
 * country table's German names, as the selection line gives them. */
static char *country_names(const char *filter, const char *key)
{
    size_t n;
    return aid_lang_de() ? names_list(filter, key, donor_people, NULL, &n) : filter_names(filter, key);
}

/* The subject with the suppliers and recipients a SIPRI selection names:
 * "major arms deliveries from Germany to Ukraine", lower case. */
static char *subject_selected(const aidstat_wording_t *w)
{
    char *s = aidstat_wording_subject(w);
    s[0] = g_ascii_tolower(s[0]);
    if (aidstat_currency_is_tiv(w->currency)) {
        char *from = country_names(w->filter, "donor"), *to = country_names(w->filter, "recipient");
        char *t;
        if (from) {
            t = g_strdup_printf(ph(P_FROM), s, from);
            g_free(s);
            s = t;
        }
        if (to) {
            t = g_strdup_printf(ph(P_TO), s, to);
            g_free(s);
            s = t;
        }
        g_free(from);
        g_free(to);
    }
    return s;
}

char *aidstat_wording_title(const aidstat_wording_t *w)
{
    char *s = subject_selected(w);
    char *prev = s;
    const char *k0 = aidstat_wording_key(w->key[0], w->currency, false);
    const char *k1 = aidstat_wording_key(w->key[1], w->currency, false);
    if (k0[0] && k1[0])
        s = g_strdup_printf(ph(P_BY_TWO), prev, k0, k1);
    else if (k0[0])
        s = g_strdup_printf(ph(P_BY), prev, k0);
    if (s != prev)
        g_free(prev);
    if (w->cumulative)
        s = wrap(s, ph(P_CUMULATIVE));
    static const int stat_phrase[] = {
        [AIDSTAT_STAT_COUNT] = P_STAT_COUNT,   [AIDSTAT_STAT_MEAN] = P_STAT_MEAN,
        [AIDSTAT_STAT_MEDIAN] = P_STAT_MEDIAN, [AIDSTAT_STAT_MIN] = P_STAT_MIN,
        [AIDSTAT_STAT_MAX] = P_STAT_MAX,       [AIDSTAT_STAT_SD] = P_STAT_SD};
    if (w->stat > AIDSTAT_STAT_SUM && (size_t)w->stat < G_N_ELEMENTS(stat_phrase))
        s = wrap(s, ph(stat_phrase[w->stat]));
    if (w->trend)
        s = wrap(s, ph(P_TREND));
    return capitalize(s);
}

/* --------------------------------------------------------------- notes */

char *aid_wording_donor(const char *name, const char *code)
{
    return aid_label_people(AIDSTAT_KEY_DONOR, name, code);
}

/* An amount of a note at the scale of the note's largest one, so that
 * the amounts of one note read alike: "€52.31 bn", "5,07 Mrd. €",
 * "TIV 12.00 m", "€5". */
static char *note_money(double v, double scale_of, const char *currency, char *buf, size_t len)
{
    double a = fabs(scale_of);
    double scale = a >= 1e9 ? 1e9 : a >= 1e6 ? 1e6 : 1;
    return aid_money(v, currency ? currency : "", scale, scale > 1 ? 2 : 0, aid_locale_default(), buf, len);
}

char *aid_wording_outside_groups(size_t n, bool chosen, const aid_note_donor_t *shown, size_t nshown,
                                 bool amounts, double total, const char *currency)
{
    double largest = 0;
    for (size_t i = 0; amounts && i < nshown; i++)
        largest = MAX(largest, fabs(shown[i].amount));
    double scale_of = MAX(fabs(total), largest);
    GString *list = g_string_new(NULL);
    char buf[96];
    for (size_t i = 0; i < nshown; i++) {
        char *name = aid_wording_donor(shown[i].name, shown[i].code);
        if (i)
            g_string_append(list, ", ");
        if (amounts)
            /* TRANSLATORS: a donor and its amount in a note: "Canada (€5.07 bn)" */
            g_string_append_printf(list, L_("%s (%s)"), name,
                                   note_money(shown[i].amount, scale_of, currency, buf, sizeof buf));
        else
            g_string_append(list, name);
        g_free(name);
    }
    if (n > nshown) {
        /* TRANSLATORS: the end of a list of donors: "Canada, Japan and 4 more" */
        char *t =
            g_strdup_printf(LP_("%s and %zu more", "%s and %zu more", n - nshown), list->str, n - nshown);
        g_string_assign(list, t);
        g_free(t);
    }
    if (amounts && n > 1) {
        /* TRANSLATORS: a list of donors with amounts, then their sum */
        char *t = g_strdup_printf(L_("%s; %s in all"), list->str,
                                  note_money(total, scale_of, currency, buf, sizeof buf));
        g_string_assign(list, t);
        g_free(t);
    }
    char *out =
        chosen ? g_strdup_printf(LP_("%zu donor is in none of the selected groups and left out: %s",
                                     "%zu donors are in none of the selected groups and left out: %s", n),
                                 n, list->str)
               : g_strdup_printf(LP_("%zu donor is in none of the groups: %s",
                                     "%zu donors are in none of the groups: %s", n),
                                 n, list->str);
    g_string_free(list, TRUE);
    return out;
}

/* ---------------------------------------------------------- selection */

/* The names of filter's key as a list in words ("a and b"), each through
 * name() when given; NULL when it names none. *n gets how many. */
static char *names_list(const char *filter, const char *key, char *(*name)(const char *, const void *),
                        const void *user, size_t *n)
{
    *n = 0;
    GPtrArray *v = g_ptr_array_new_with_free_func(g_free);
    /* the values, parsed as filter_names does */
    size_t klen = strlen(key);
    const char *q = filter;
    while (q && *q) {
        while (*q == ' ' || *q == ',')
            q++;
        const char *eq = strchr(q, '=');
        if (!eq)
            break;
        bool mine = (size_t)(eq - q) == klen && !strncmp(q, key, klen);
        q = eq + 1;
        GString *one = g_string_new(NULL);
        bool quoted = false;
        for (;; q++) {
            if (*q == '"') {
                quoted = !quoted;
                continue;
            }
            if (!*q || (!quoted && *q == ',')) {
                if (mine && one->len)
                    g_ptr_array_add(v, name ? name(one->str, user) : g_strdup(one->str));
                g_string_truncate(one, 0);
                if (!*q || q[1] == ' ')
                    break;
                continue;
            }
            g_string_append_c(one, *q);
        }
        g_string_free(one, TRUE);
    }
    char *out = NULL;
    for (guint i = 0; i < v->len; i++) {
        const char *s = g_ptr_array_index(v, i);
        char *t = !out              ? g_strdup(s)
                  : i + 1 == v->len ? g_strdup_printf(ph(P_LIST_AND), out, s)
                                    : g_strdup_printf("%s, %s", out, s);
        g_free(out);
        out = t;
    }
    *n = v->len;
    g_ptr_array_free(v, TRUE);
    return out;
}

static char *donor_people(const char *s, const void *unused)
{
    (void)unused;
    const aid_country_t *c = aid_country_find(s);
    if (!c)
        return g_strdup(s);
    return g_strdup(aid_lang_de() ? c->german : c->name);
}

static char *group_people(const char *id, const void *regions)
{
    long i = regions ? aidstat_regions_find(regions, id) : -1;
    const char *name = i >= 0 ? aidstat_regions_name(regions, (size_t)i) : id;
    return aid_label_people(AIDSTAT_KEY_REGION, name, NULL);
}

static char *type_people(const char *s, const void *unused)
{
    (void)unused;
    /* the types as adjectives of "aid" (German endings agree) */
    static const char *const words[] G_GNUC_UNUSED = {
        NC_("selection", "military"), NC_("selection", "financial"), NC_("selection", "humanitarian"),
        NC_("selection", "other")};
    return g_strdup(aid_gettext_ctx("selection", s));
}

static char *measure_people(const char *s, const void *unused)
{
    (void)unused;
    aidstat_measure_t m;
    return g_strdup(aidstat_measure_parse(s, &m) == AIDSTAT_OK ? aidstat_wording_measure(m) : s);
}

/* "2023", "Jun 2024": a from= or to= value */
static char *period_people(const char *filter, const char *key)
{
    char *v = filter_names(filter, key);
    if (!v)
        return NULL;
    int y = 0, m = 0;
    char buf[32];
    if (sscanf(v, "%d-%d", &y, &m) < 1 || y <= 0)
        return v;
    g_free(v);
    return g_strdup(aidstat_period_format(y, m, buf, sizeof buf));
}

static void part(GString *s, char *text)
{
    if (!text)
        return;
    if (s->len)
        g_string_append(s, "; ");
    g_string_append(s, text);
    g_free(text);
}

char *aidstat_wording_selection(const char *filter, const aidstat_regions_t *regions)
{
    return aidstat_wording_selection_in(filter, regions, NULL);
}

char *aidstat_wording_selection_in(const char *filter, const aidstat_regions_t *regions, const char *currency)
{
    GString *s = g_string_new(NULL);
    if (!filter || !filter[0])
        return g_string_free(s, FALSE);
    size_t n;
    char *l;
    /* SIPRI's arms suppliers sell as well as give (key_phrase) */
    if ((l = names_list(filter, "donor", donor_people, NULL, &n)))
        part(s, g_strdup_printf(aidstat_currency_is_tiv(currency) ? LP_("supplier %s", "suppliers %s", n)
                                                                  : LP_("donor %s", "donors %s", n),
                                l)),
            g_free(l);
    if ((l = names_list(filter, "region", group_people, regions, &n)))
        part(s, g_strdup_printf(LP_("group %s", "groups %s", n), l)), g_free(l);
    if ((l = names_list(filter, "recipient", donor_people, NULL, &n)))
        part(s, g_strdup_printf(LP_("recipient %s", "recipients %s", n), l)), g_free(l);
    if ((l = names_list(filter, "type", type_people, NULL, &n)))
        /* TRANSLATORS: the aid types a selection keeps: "military and humanitarian aid" */
        part(s, g_strdup_printf(L_("%s aid"), l)), g_free(l);
    if ((l = names_list(filter, "measure", measure_people, NULL, &n)))
        part(s, l);
    char *from = period_people(filter, "from"), *to = period_people(filter, "to");
    if (from && to && !strcmp(from, to))
        part(s, g_strdup(from));
    else if (from && to)
        part(s, g_strdup_printf(ph(P_PERIOD_RANGE), from, to));
    else if (from)
        /* TRANSLATORS: a selection's first period: "from Jun 2022" */
        part(s, g_strdup_printf(L_("from %s"), from));
    else if (to)
        /* TRANSLATORS: a selection's last period: "up to Apr 2025" */
        part(s, g_strdup_printf(L_("up to %s"), to));
    g_free(from);
    g_free(to);
    return g_string_free(s, FALSE);
}
