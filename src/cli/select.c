/* Options shared by the analyses: which records (--type, --measure,
 * --donor, --region, --from, --to) and how values are restated
 * (--currency, --rates, --prices, --deflator). */
#include "config.h"
#include "cli/cli.h"

#include <string.h>

void cli_select_add_entries(cli_select_t *s, GOptionContext *ctx)
{
    GOptionEntry entries[] = {
        {"type", 't', 0, G_OPTION_ARG_STRING_ARRAY, &s->types,
         N_("Only these aid types: military, financial, humanitarian, other"), N_("TYPE[,TYPE]")},
        {"measure", 'm', 0, G_OPTION_ARG_STRING_ARRAY, &s->measures,
         N_("Only these measures: commitment, allocation, delivery, to_be_allocated (default: allocation)"),
         N_("MEASURE")},
        {"donor", 'd', 0, G_OPTION_ARG_STRING_ARRAY, &s->donors,
         N_("Only these donors (names or codes; a name with \", \" is one donor)"), N_("DONOR[,DONOR]")},
        {"region", 'r', 0, G_OPTION_ARG_STRING_ARRAY, &s->regions, N_("Only donors in these groups"),
         N_("REGION[,REGION]")},
        {"recipient", 0, 0, G_OPTION_ARG_STRING_ARRAY, &s->recipients,
         N_("Only aid to these recipients (names; default: all in the data)"), N_("NAME[,NAME]")},
        {"from", 0, 0, G_OPTION_ARG_STRING, &s->from, N_("From this period on (inclusive)"), N_("YYYY[-MM]")},
        {"to", 0, 0, G_OPTION_ARG_STRING, &s->to, N_("Up to this period (inclusive)"), N_("YYYY[-MM]")},
        {NULL, 0, 0, 0, NULL, NULL, NULL},
    };
    g_option_context_add_main_entries(ctx, entries, GETTEXT_PACKAGE);
}

/* The groups a footer's selection names: the last selection built's. */
static const aidstat_regions_t *shown_regions;

char *cli_selection_text(const char *filter, const char *currency)
{
    return aidstat_wording_selection_in(filter, shown_regions, currency);
}

void cli_print_selection(FILE *fp, const char *filter, const char *currency)
{
    char *words = cli_selection_text(filter, currency);
    fprintf(fp, L_("Selection: %s"), words);
    g_free(words);
}

int cli_select_build(cli_select_t *s, const cli_data_opts_t *data, bool need_regions)
{
    int code = 0;
    aidstat_error_t err;
    s->filter = aidstat_filter_new();
    /* the one parser of selections (aidstat_filter_add_text), value by value */
    struct {
        const char *key;
        gchar **values;
    } fields[] = {{"type", s->types},
                  {"measure", s->measures},
                  {"donor", s->donors},
                  {"recipient", s->recipients},
                  {"region", s->regions}};
    for (size_t k = 0; k < G_N_ELEMENTS(fields) && !code; k++) {
        if (!strcmp(fields[k].key, "region")) {
            bool any = need_regions;
            for (gchar **p = s->regions; p && *p; p++)
                any |= (*p)[strspn(*p, ", \t")] != '\0';
            if (any)
                s->regions_table = cli_regions(data, &code);
            shown_regions = s->regions_table;
        }
        for (gchar **p = fields[k].values; p && *p && !code; p++)
            if (aidstat_filter_add_text(s->filter, fields[k].key, *p, s->regions_table, &err) != AIDSTAT_OK)
                code = cli_fail(&err);
    }
    if (!code && s->from && aidstat_filter_add_text(s->filter, "from", s->from, NULL, &err) != AIDSTAT_OK)
        code = cli_fail(&err);
    if (!code && s->to && aidstat_filter_add_text(s->filter, "to", s->to, NULL, &err) != AIDSTAT_OK)
        code = cli_fail(&err);
    return code;
}

const char *cli_hint(const char *s, const char *list)
{
    static char buf[160];
    gchar **names = g_strsplit(list, ",", -1);
    for (gchar **p = names; *p; p++)
        g_strstrip(*p);
    const char *hint = aidstat_suggest(s, (const char *const *)names, g_strv_length(names));
    if (hint)
        snprintf(buf, sizeof buf, _("; did you mean %s?"), hint);
    else
        buf[0] = '\0';
    g_strfreev(names);
    return buf;
}

int cli_select_check(const cli_select_t *s)
{
    for (size_t i = 0; i < aidstat_filter_donor_count(s->filter); i++) {
        if (aidstat_filter_donor_hits(s->filter, i))
            continue;
        const char *d = aidstat_filter_donor(s->filter, i), *code, *name;
        if (aidstat_country_find(d, &code, &name))
            return cli_error(EXIT_EMPTY, "--donor \"%s\": no records of %s (%s) in the data", d, name, code);
        const char *hint = aidstat_country_suggest(d);
        if (hint)
            return cli_error(EXIT_USAGE, "--donor \"%s\": no such donor; did you mean %s?", d, hint);
        return cli_error(EXIT_EMPTY, "--donor \"%s\": no such donor in the data or the country table", d);
    }
    return 0;
}

void cli_select_clear(cli_select_t *s)
{
    aidstat_filter_free(s->filter);
    if (shown_regions == s->regions_table)
        shown_regions = NULL;
    aidstat_regions_free(s->regions_table);
    g_strfreev(s->types);
    g_strfreev(s->measures);
    g_strfreev(s->donors);
    g_strfreev(s->regions);
    g_strfreev(s->recipients);
    g_free(s->from);
    g_free(s->to);
}

void cli_norm_add_entries(cli_norm_t *n, GOptionContext *ctx)
{
    GOptionEntry entries[] = {
        {"currency", 0, 0, G_OPTION_ARG_STRING, &n->currency,
         N_("Show values in this currency, converted with --rates"), N_("CODE")},
        {"rates", 0, 0, G_OPTION_ARG_FILENAME, &n->rates_file,
         N_("Exchange rates: the ECB reference-rate history, a Federal Reserve table, or "
            "date,currency,per_eur"),
         N_("FILE")},
        {"yearly-rates", 0, 0, G_OPTION_ARG_NONE, &n->yearly_rates,
         N_("Convert at yearly instead of monthly average rates"), NULL},
        {"prices", 0, 0, G_OPTION_ARG_STRING, &n->prices,
         N_("nominal (default) or constant:YYYY prices, with --deflator"), N_("BASIS")},
        {"deflator", 0, 0, G_OPTION_ARG_FILENAME, &n->deflator_file,
         N_("Price index by year (columns year,index) for --prices constant:YYYY"), N_("FILE")},
        {NULL, 0, 0, 0, NULL, NULL, NULL},
    };
    g_option_context_add_main_entries(ctx, entries, GETTEXT_PACKAGE);
}

int cli_norm_build(cli_norm_t *n)
{
    aidstat_error_t err;
    memset(&n->norm, 0, sizeof n->norm);
    if (n->currency) {
        if (!cli_currency_code(n->currency))
            return cli_error(EXIT_USAGE, "--currency \"%s\": use a three-letter code such as USD",
                             n->currency);
        for (char *p = n->currency; *p; p++)
            *p = g_ascii_toupper(*p);
        n->norm.currency = n->currency;
        n->active = true;
    }
    if (n->rates_file) {
        if (!(n->rates = aidstat_rates_load_file(n->rates_file, &err)))
            return cli_fail(&err);
        n->norm.rates = n->rates;
    }
    n->norm.yearly_rates = n->yearly_rates;
    if (n->prices && strcmp(n->prices, "nominal") != 0) {
        int y = 0;
        char end = 0;
        if (sscanf(n->prices, "constant:%d%c", &y, &end) != 1 || y < 1900 || y > 2999)
            return cli_error(EXIT_USAGE, "--prices \"%s\": use nominal or constant:YYYY", n->prices);
        n->norm.base_year = y;
        n->active = true;
    }
    if (n->deflator_file) {
        if (!(n->deflator = aidstat_reftable_load_file(n->deflator_file, AIDSTAT_REF_DEFLATOR, NULL, &err)))
            return cli_fail(&err);
        n->norm.deflator = n->deflator;
    }
    if (n->norm.base_year && !n->deflator)
        return cli_error(EXIT_USAGE,
                         "--prices %s needs a deflator table (--deflator FILE with columns year,index)",
                         n->prices);
    return 0;
}

void cli_norm_clear(cli_norm_t *n)
{
    aidstat_rates_free(n->rates);
    aidstat_reftable_free(n->deflator);
    g_free(n->currency);
    g_free(n->rates_file);
    g_free(n->prices);
    g_free(n->deflator_file);
}
