/* The figures of a report come from the same machinery as the commands:
 * options are read as `compare`, `trend` and `chart` read theirs, and run
 * over the report's data table. */
#include "config.h"
#include "report/report.h"
#include "data/error.h"

#include <gio/gio.h>

#include <stdio.h>
#include <string.h>

/* After a query has seen the table: a donor= name that matched no record
 * is an error (with a suggestion for a typo), never a silently smaller
 * selection. */
static bool donors_found(const aid_opts_t *o, const aidstat_filter_t *f, aidstat_error_t *err)
{
    for (size_t i = 0; f && i < aidstat_filter_donor_count(f); i++) {
        if (aidstat_filter_donor_hits(f, i))
            continue;
        const char *given = aidstat_filter_donor(f, i), *code, *name, *hint = NULL;
        if (aidstat_country_find(given, &code, &name))
            aid_opts_error(o, "donor", 0, 0, err, "donor: \"%s\": no records of %s (%s) in the data", given,
                           name, code);
        else if ((hint = aidstat_country_suggest(given)))
            aid_opts_error(o, "donor", 0, 0, err, "donor: \"%s\": no such donor; did you mean %s?", given,
                           hint);
        else
            aid_opts_error(o, "donor", 0, 0, err,
                           "donor: \"%s\": no such donor in the data or the country table", given);
        if (err && (!hint || aidstat_country_find(given, NULL, NULL)))
            err->code = AIDSTAT_ERR_EMPTY; /* a name, not a typo: nothing matched */
        return false;
    }
    return true;
}

aidstat_filter_t *aid_query_filter(const aid_rdata_t *d, const aid_opts_t *o, bool skip_where,
                                   aidstat_error_t *err)
{
    aidstat_filter_t *f = aidstat_filter_new();
    /* the one parser of selections, as the command line's */
    static const char *const keys[] = {"type", "measure", "donor", "recipient", "region", "from", "to"};
    for (size_t k = 0; k < G_N_ELEMENTS(keys); k++) {
        const char *v = aid_opts_get(o, keys[k]);
        if (!v || (skip_where && (!strcmp(keys[k], "donor") || !strcmp(keys[k], "region"))))
            continue;
        aidstat_error_t ferr;
        if (aidstat_filter_add_text(f, keys[k], v, d->regions, &ferr) != AIDSTAT_OK) {
            aid_opts_error(o, keys[k], 0, 0, err, "%s", ferr.message);
            aidstat_filter_free(f);
            return NULL;
        }
    }
    return f;
}

static aidstat_status_t parse_by(const aid_opts_t *o, aidstat_key_t by[2], aidstat_error_t *err)
{
    const char *v = aid_opts_get(o, "by");
    if (!v)
        return AIDSTAT_OK;
    gchar **keys = g_strsplit(v, ",", 3);
    aidstat_status_t st = AIDSTAT_OK;
    for (guint i = 0; keys[i] && st == AIDSTAT_OK; i++) {
        aidstat_key_t k;
        if (aidstat_key_parse(g_strstrip(keys[i]), &k) != AIDSTAT_OK || i > 1)
            st = aid_opts_error(
                o, "by", 0, 0, err,
                "by: \"%s\": one or two of donor, region, type, measure, year, quarter, month", v);
        else
            by[i] = (aidstat_key_t)k;
    }
    g_strfreev(keys);
    return st;
}

const aidstat_table_t *aid_query_table(const aid_rdata_t *d, const aid_opts_t *o, aidstat_error_t *err)
{
    const char *v = aid_opts_get(o, "data");
    if (!v || !strcmp(v, "main"))
        return d->table;
    if (!strcmp(v, "sourcing")) {
        if (!d->sourcing)
            aid_opts_error(
                o, "data", 0, 0, err,
                "data: sourcing: no sourcing split is loaded (procurement_trends.csv beside the data)");
        return d->sourcing;
    }
    if (strcmp(v, "weapons")) {
        aid_opts_error(o, "data", 0, 0, err, "data: \"%s\": main, weapons or sourcing", v);
        return NULL;
    }
    if (!d->weapons) {
        aid_opts_error(o, "data", 0, 0, err,
                       "data: weapons: no heavy-weapons data is loaded (weapons.csv beside the data, or "
                       "weapons: in the front matter)");
        return NULL;
    }
    return d->weapons;
}

/* Send the table to fn, through an EU attribution with Release 29's key
 * when the block asks for it (eu_attribution: true); caveat gets its note. */
static aidstat_status_t feed(const aid_rdata_t *d, const aid_opts_t *o, const aidstat_table_t *t,
                             aidstat_record_fn fn, void *user, void (*caveat)(void *, const char *),
                             aidstat_error_t *err)
{
    const char *v = aid_opts_get(o, "eu_attribution");
    if (!v || !strcmp(v, "false")) {
        aidstat_table_foreach(t, fn, user);
        return AIDSTAT_OK;
    }
    if (strcmp(v, "true"))
        return aid_opts_error(o, "eu_attribution", 0, 0, err, "eu_attribution: true or false");
    if (d->caveat)
        return aid_opts_error(o, "eu_attribution", 0, 0, err,
                              "eu_attribution: the report's data is attributed already (front matter)");
    if (!d->eukey)
        return aid_opts_error(o, "eu_attribution", 0, 0, err,
                              "eu_attribution: no attribution key for this data (the embedded data has one; "
                              "other data needs eu_aid_shares.csv beside it)");
    aidstat_attribution_t *a = aidstat_attribution_new(d->eukey, d->regions, fn, user);
    aidstat_table_foreach(t, aidstat_attribution_add, a);
    aidstat_status_t st = aidstat_attribution_finish(a, err);
    if (st == AIDSTAT_OK)
        caveat(user, aidstat_attribution_describe(a));
    aidstat_attribution_free(a);
    return st;
}

static void compare_caveat(void *c, const char *text)
{
    aidstat_compare_add_caveat(c, text);
}

static void series_caveat(void *s, const char *text)
{
    aidstat_series_add_caveat(s, text);
}

aidstat_result_t *aid_query_compare(const aid_rdata_t *d, const aid_opts_t *o, aidstat_filter_t *f,
                                    aidstat_key_t default_by, aidstat_error_t *err)
{
    aidstat_compare_options_t opt;
    aidstat_compare_options_init(&opt);
    opt.by[0] = default_by;
    if (parse_by(o, opt.by, err) != AIDSTAT_OK)
        return NULL;
    const char *v;
    double top = 0;
    if (aid_opts_number(o, "top", true, 0, 100000, "a whole number", &top, err) != AIDSTAT_OK)
        return NULL;
    opt.top = (size_t)top;
    if ((v = aid_opts_get(o, "sort"))) {
        if (strcmp(v, "name") && strcmp(v, "value")) {
            aid_opts_error(o, "sort", 0, 0, err, "sort: \"%s\": value or name", v);
            return NULL;
        }
        opt.sort = !strcmp(v, "name") ? AIDSTAT_SORT_NAME : AIDSTAT_SORT_VALUE;
    }
    if ((v = aid_opts_get(o, "per"))) {
        if (!strcmp(v, "gdp"))
            opt.per = AIDSTAT_PER_GDP;
        else {
            aid_opts_error(o, "per", 0, 0, err, "per: reports support gdp");
            return NULL;
        }
    }
    if ((v = aid_opts_get(o, "stat"))) {
        aidstat_stat_t s;
        if (aidstat_stat_parse(v, &s) != AIDSTAT_OK) {
            aid_opts_error(o, "stat", 0, 0, err, "stat: \"%s\": sum, count, mean, median, min, max or sd", v);
            return NULL;
        }
        opt.stat = (aidstat_stat_t)s;
    }
    if (aid_opts_bool(o, "cumulative", &opt.cumulative, err) != AIDSTAT_OK)
        return NULL;
    opt.filter = f;
    opt.regions = d->regions;
    const aidstat_table_t *t = aid_query_table(d, o, err);
    if (!t)
        return NULL;
    aidstat_compare_t *c = aidstat_compare_new(&opt, err);
    if (!c)
        return NULL;
    /* the loader's notes (SIPRI's on TIV) qualify the report's data as they do compare's */
    for (guint i = 0; t == d->table && d->loads && i < d->loads->len; i++)
        aidstat_compare_add_load_report(c, g_ptr_array_index(d->loads, i));
    if (d->caveat && t == d->table)
        aidstat_compare_add_caveat(c, d->caveat);
    if (feed(d, o, t, aidstat_compare_add, c, compare_caveat, err) != AIDSTAT_OK ||
        !donors_found(o, f, err)) {
        aidstat_compare_free(c);
        return NULL;
    }
    aidstat_result_t *r = aidstat_compare_finish(c, err);
    aidstat_compare_free(c);
    return r;
}

aidstat_series_t *aid_query_series(const aid_rdata_t *d, const aid_opts_t *o, aidstat_filter_t *f,
                                   aidstat_error_t *err)
{
    aidstat_series_options_t so;
    aidstat_series_options_init(&so);
    const char *v;
    if ((v = aid_opts_get(o, "by"))) {
        aidstat_key_t k = AIDSTAT_KEY_NONE;
        (void)aidstat_key_parse(v, &k);
        if (k != AIDSTAT_KEY_DONOR && k != AIDSTAT_KEY_REGION && k != AIDSTAT_KEY_TYPE &&
            k != AIDSTAT_KEY_MEASURE && k != AIDSTAT_KEY_SOURCING) {
            aid_opts_error(o, "by", 0, 0, err,
                           "by: \"%s\": over time, group by donor, region, type, measure or sourcing", v);
            return NULL;
        }
        so.by = (aidstat_key_t)k;
    }
    if ((v = aid_opts_get(o, "interval"))) {
        aidstat_interval_t iv;
        if (aidstat_interval_parse(v, &iv) != AIDSTAT_OK) {
            aid_opts_error(o, "interval", 0, 0, err, "interval: \"%s\": month, quarter or year", v);
            return NULL;
        }
        so.interval = (aidstat_interval_t)iv;
    }
    so.filter = f;
    so.regions = d->regions;
    const aidstat_table_t *t = aid_query_table(d, o, err);
    if (!t)
        return NULL;
    aidstat_series_t *s = aidstat_series_new(&so, err);
    if (!s)
        return NULL;
    for (guint i = 0; t == d->table && d->loads && i < d->loads->len; i++)
        aidstat_series_add_load_report(s, g_ptr_array_index(d->loads, i));
    if (d->caveat && t == d->table)
        aidstat_series_add_caveat(s, d->caveat);
    if (feed(d, o, t, aidstat_series_add, s, series_caveat, err) != AIDSTAT_OK) {
        aidstat_series_free(s);
        return NULL;
    }
    if (!donors_found(o, f, err) || aidstat_series_finish(s, err) != AIDSTAT_OK) {
        aidstat_series_free(s);
        return NULL;
    }
    return s;
}

aidstat_result_t *aid_query_totals(const aid_rdata_t *d, const aid_opts_t *o, aidstat_filter_t *f, size_t top,
                                   aidstat_error_t *err)
{
    aid_opts_t tmp;
    aid_opts_init(&tmp, o->file);
    for (guint i = 0; i < o->keys->len; i++)
        if (strcmp(g_ptr_array_index(o->keys, i), "top") &&
            strcmp(g_ptr_array_index(o->keys, i), "cumulative"))
            aid_opts_add(&tmp, g_ptr_array_index(o->keys, i), g_ptr_array_index(o->values, i),
                         g_array_index(o->lines, long, i), g_array_index(o->cols, long, i));
    if (aid_opts_get(o, "by") && top) {
        char n[32];
        snprintf(n, sizeof n, "%zu", top);
        aid_opts_add(&tmp, "top", n, 0, 0);
    }
    aidstat_result_t *r = aid_query_compare(d, &tmp, f, AIDSTAT_KEY_DONOR, err);
    aid_opts_clear(&tmp);
    return r;
}

aidstat_chart_t *aid_query_chart(const aid_rdata_t *d, const aid_opts_t *o, aidstat_error_t *err)
{
    const char *v = aid_opts_get(o, "kind");
    aidstat_chart_kind_t kind = AIDSTAT_CHART_BAR;
    if (v && aidstat_chart_kind_parse(v, &kind) != AIDSTAT_OK) {
        aid_opts_error(o, "kind", 0, 0, err,
                       "kind: \"%s\": bar, stacked, grouped, column, line, area, dumbbell, scatter", v);
        return NULL;
    }
    aidstat_chart_options_t co;
    aidstat_chart_options_init(&co);
    co.kind = (aidstat_chart_kind_t)kind;
    co.title = aid_opts_get(o, "title");
    co.subtitle = aid_opts_get(o, "subtitle");
    co.note = aid_opts_get(o, "note");
    co.theme = aid_opts_get(o, "theme") ? aid_opts_get(o, "theme") : d->theme;
    co.text_size = d->text_size;
    co.no_attach = d->no_attach;
    if (aid_opts_bool(o, "percent", &co.percent, err) != AIDSTAT_OK ||
        aid_opts_bool(o, "trend", &co.trend, err) != AIDSTAT_OK ||
        aid_opts_bool(o, "facet", &co.facet, err) != AIDSTAT_OK ||
        aid_opts_bool(o, "cumulative", &co.cumulative, err) != AIDSTAT_OK ||
        aid_opts_bool(o, "log", &co.log_x, err) != AIDSTAT_OK)
        return NULL;
    co.log_y = co.log_x;
    co.locale = d->locale == AID_LOCALE_DE ? "de" : "en";
    gchar **hl = NULL;
    if ((v = aid_opts_get(o, "highlight")))
        hl = g_strsplit(v, ",", -1);
    for (gchar **p = hl; p && *p; p++)
        g_strstrip(*p);
    co.highlight = (const char *const *)hl;
    aidstat_event_t *events = NULL;
    size_t nevents = 0;
    if ((v = aid_opts_get(o, "events"))) {
        /* relative to the spec */
        aidstat_status_t st;
        if (d->builtin) {
            char *res = g_strdup_printf("/org/aidstat/reports/%s", v);
            GBytes *b = g_resources_lookup_data(res, G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
            if (b) {
                gsize len;
                const char *bytes = g_bytes_get_data(b, &len);
                st = aidstat_events_load_memory(v, bytes, len, &events, &nevents, err);
                g_bytes_unref(b);
            } else {
                st = aid_opts_error(o, "events", 0, 0, err, "events: \"%s\" is not built in", v);
            }
            g_free(res);
        } else {
            long line = 0, col = 0;
            aid_opts_where(o, "events", &line, &col);
            char *path = aid_spec_file(d, o->file, v, "events", line, col, err);
            st = path ? aidstat_events_load_file(path, &events, &nevents, err) : err->code;
            g_free(path);
        }
        if (st != AIDSTAT_OK) {
            g_strfreev(hl);
            return NULL;
        }
        co.events = events;
        co.nevents = nevents;
    }
    aidstat_filter_t *f = aid_query_filter(d, o, false, err);
    aidstat_chart_t *chart = NULL;
    if (!f) {
        g_strfreev(hl);
        aidstat_events_free(events, nevents);
        return NULL;
    }
    const aidstat_chart_defaults_t *def = aidstat_chart_defaults((aidstat_chart_kind_t)kind);
    if (def->over_time) {
        double top = (double)aidstat_chart_default_top(co.kind, co.facet);
        aidstat_series_t *s =
            aid_opts_number(o, "top", true, 0, 1000, "a whole number", &top, err) == AIDSTAT_OK
                ? aid_query_series(d, o, f, err)
                : NULL;
        co.top = (size_t)top;
        if (s)
            chart = aidstat_chart_from_series(s, &co, err);
        aidstat_series_free(s);
        aidstat_result_t *r = chart && !d->no_attach ? aid_query_totals(d, o, f, co.top, err) : NULL;
        if (r)
            aidstat_chart_attach_result(chart, r);
        else if (chart && !d->no_attach) {
            aidstat_chart_free(chart);
            chart = NULL;
        }
        aidstat_result_free(r);
    } else {
        aidstat_result_t *r = NULL;
        /* the charts' own defaults for what `compare` leaves open */
        aid_opts_t tmp;
        aid_opts_init(&tmp, o->file);
        for (guint i = 0; i < o->keys->len; i++)
            aid_opts_add(&tmp, g_ptr_array_index(o->keys, i), g_ptr_array_index(o->values, i),
                         g_array_index(o->lines, long, i), g_array_index(o->cols, long, i));
        if (!aid_opts_get(&tmp, "by"))
            aid_opts_add(&tmp, "by", def->by, 0, 0);
        if (!aid_opts_get(&tmp, "top") && def->top) {
            char n[32];
            snprintf(n, sizeof n, "%zu", def->top);
            aid_opts_add(&tmp, "top", n, 0, 0);
        }
        if (def->per == AIDSTAT_PER_GDP && !aid_opts_get(&tmp, "per"))
            aid_opts_add(&tmp, "per", "gdp", 0, 0);
        r = aid_query_compare(d, &tmp, f, AIDSTAT_KEY_DONOR, err);
        if (r)
            chart = aidstat_chart_from_result(r, &co, err);
        aidstat_result_free(r);
        aid_opts_clear(&tmp);
    }
    aidstat_filter_free(f);
    g_strfreev(hl);
    aidstat_events_free(events, nevents);
    return chart;
}
