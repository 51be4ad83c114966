/* The selection's metadata: the measure, types, currency, period and
 * sources of the records that went into a result. */
#include "config.h"
#include "stats/selection.h"
#include "data/filter.h"
#include "data/error.h"
#include "data/intl.h"
#include "data/period.h"

#include <inttypes.h>
#include <stdio.h>
#include <string.h>

void aid_selection_init(aid_selection_t *s)
{
    memset(s, 0, sizeof *s);
    aid_intern_init(&s->currency_names);
    aid_intern_init(&s->sources);
    s->source_measures = g_array_new(FALSE, TRUE, sizeof(unsigned));
    aid_intern_init(&s->files);
    s->file_measures = g_array_new(FALSE, TRUE, sizeof(unsigned));
    s->caveats = g_ptr_array_new_with_free_func(g_free);
    s->caveat_files = g_ptr_array_new_with_free_func(g_free);
}

void aid_selection_clear(aid_selection_t *s)
{
    aid_intern_clear(&s->currency_names);
    aid_intern_clear(&s->sources);
    g_array_free(s->source_measures, TRUE);
    aid_intern_clear(&s->files);
    g_array_free(s->file_measures, TRUE);
    g_ptr_array_free(s->caveats, TRUE);
    g_ptr_array_free(s->caveat_files, TRUE);
    g_free(s->last_source);
    g_free(s->last_release);
    g_free(s->straddled_currency);
}

void aid_selection_add(aid_selection_t *s, const aidstat_record_t *rec)
{
    int m = rec->measure;
    s->records[m]++;
    s->types[m] |= 1u << rec->type;
    if (rec->flags & AIDSTAT_RECORD_SIZE_UNKNOWN)
        s->unsized[m]++;
    if (!s->last_currency || strcmp(s->last_currency, rec->currency) != 0) {
        s->last_currency_id = aid_intern(&s->currency_names, rec->currency);
        s->last_currency = aid_intern_str(&s->currency_names, s->last_currency_id);
    }
    if (s->last_currency_id < 32)
        s->currencies[m] |= 1u << s->last_currency_id;
    if (rec->year > 0) {
        int lo = aid_period_key(rec->year, aid_record_month_first(rec));
        int hi = aid_period_key(rec->year, aid_record_month_last(rec));
        if (!s->first[m] || lo < s->first[m])
            s->first[m] = lo;
        if (hi > s->last[m])
            s->last[m] = hi;
        if (rec->month)
            s->by_month[m] = true;
    }
    if (!rec->source[0] && !rec->release[0]) {
        s->unsourced[m]++;
    } else if (!(s->last_source && strcmp(s->last_source, rec->source) == 0 &&
                 strcmp(s->last_release, rec->release) == 0)) {
        g_free(s->last_source);
        g_free(s->last_release);
        s->last_source = g_strdup(rec->source);
        s->last_release = g_strdup(rec->release);
        char buf[512];
        snprintf(buf, sizeof buf, "%s%s%s", rec->source, rec->source[0] && rec->release[0] ? ", " : "",
                 rec->release);
        s->last_source_id = aid_intern(&s->sources, buf);
        if (s->source_measures->len <= s->last_source_id)
            g_array_set_size(s->source_measures, s->last_source_id + 1);
    }
    if (rec->source[0] || rec->release[0])
        g_array_index(s->source_measures, unsigned, s->last_source_id) |= 1u << m;
    const char *file = rec->file ? rec->file : "";
    if (!s->last_file || strcmp(file, s->last_file) != 0) {
        s->last_file_id = aid_intern(&s->files, file);
        s->last_file = aid_intern_str(&s->files, s->last_file_id);
        if (s->file_measures->len <= s->last_file_id)
            g_array_set_size(s->file_measures, s->last_file_id + 1);
    }
    g_array_index(s->file_measures, unsigned, s->last_file_id) |= 1u << m;
}

void aid_selection_straddled(aid_selection_t *s, const aidstat_filter_t *filter, const aidstat_record_t *rec)
{
    if (!aid_filter_straddles(filter, rec))
        return;
    int m = rec->measure;
    if (!s->straddled_currency) {
        s->straddled_currency = g_strdup(rec->currency);
        s->straddled_year = rec->year;
        s->straddled_month = rec->month;
    } else if (s->straddled_currency[0] && strcmp(s->straddled_currency, rec->currency) != 0) {
        s->straddled_currency[0] = '\0';
    }
    s->straddled[m]++;
    s->straddled_sum[m] += rec->value;
}

char *aid_selection_straddled_note(const aid_selection_t *s, const aidstat_filter_t *filter, int measure)
{
    uint64_t n = 0;
    double sum = 0;
    for (int m = 0; m < AID_NM; m++)
        if (measure < 0 || m == measure) {
            n += s->straddled[m];
            sum += s->straddled_sum[m];
        }
    if (!n)
        return NULL;
    int fy, fm, ty, tm;
    aidstat_filter_get_period(filter, &fy, &fm, &ty, &tm);
    char a[32] = "", b[32] = "", ex[32];
    if (fy)
        aidstat_period_format(fy, fm, a, sizeof a);
    if (ty)
        aidstat_period_format(ty, tm, b, sizeof b);
    aidstat_period_format(s->straddled_year, s->straddled_month, ex, sizeof ex);
    /* whole sentences for the catalogue, in the language of names */
    char *where = fy && ty ? g_strdup_printf(L_("its start (%s) or end (%s)"), a, b)
                  : fy     ? g_strdup_printf(L_("its start (%s)"), a)
                           : g_strdup_printf(L_("its end (%s)"), b);
    char *amount = s->straddled_currency[0] ? g_strdup_printf("%.15g %s", sum, s->straddled_currency)
                                            : g_strdup_printf(L_("%.15g in several currencies"), sum);
    char *t = g_strdup_printf(
        LP_("%" PRIu64 " record dated by a longer period than the selection's (the first: %s) "
            "reaches across %s and is left out, together %s: a record counts only when its "
            "whole period lies inside the selection's",
            "%" PRIu64 " records dated by a longer period than the selection's (the first: "
            "%s) reach across %s and are left out, together %s: a record counts only when "
            "its whole period lies inside the selection's",
            n),
        n, ex, where, amount);
    g_free(where);
    g_free(amount);
    return t;
}

void aid_selection_add_report(aid_selection_t *s, const aidstat_load_report_t *r)
{
    s->rows_read += aidstat_load_report_rows_read(r);
    s->rows_rejected += aidstat_load_report_rows_rejected(r);
    for (size_t i = 0; i < aidstat_load_report_caveat_count(r); i++) {
        const char *cv = aidstat_load_report_caveat(r, i);
        g_ptr_array_add(s->caveats, g_strdup(cv));
        g_ptr_array_add(s->caveat_files, g_strdup(aidstat_load_report_file(r)));
    }
}

/* A caveat of no file (EU attribution): every result carries it. */
void aid_selection_add_caveat(aid_selection_t *s, const char *cv)
{
    for (guint k = 0; k < s->caveats->len; k++)
        if (strcmp(g_ptr_array_index(s->caveats, k), cv) == 0)
            return;
    g_ptr_array_add(s->caveats, g_strdup(cv));
    g_ptr_array_add(s->caveat_files, NULL);
}

static char *measure_list(unsigned mask)
{
    GString *s = g_string_new(NULL);
    for (int m = 0; m < AID_NM; m++)
        if (mask & (1u << m))
            g_string_append_printf(s, "%s%s", s->len ? ", " : "", aidstat_measure_name(m));
    return g_string_free(s, FALSE);
}

static char *types_text(unsigned mask)
{
    unsigned split = mask & ~(1u << AIDSTAT_TYPE_TOTAL);
    unsigned all3 =
        (1u << AIDSTAT_TYPE_MILITARY) | (1u << AIDSTAT_TYPE_FINANCIAL) | (1u << AIDSTAT_TYPE_HUMANITARIAN);
    if ((split & all3) == all3 || mask == (1u << AIDSTAT_TYPE_TOTAL))
        return g_strdup("all types");
    GString *s = g_string_new(NULL);
    for (int t = 0; t < AIDSTAT_TYPE_COUNT; t++)
        if (mask & (1u << t))
            g_string_append_printf(s, "%s%s", s->len ? ", " : "",
                                   t == AIDSTAT_TYPE_TOTAL ? "all types (not split)" : aidstat_type_name(t));
    return g_string_free(s, FALSE);
}

aidstat_status_t aid_selection_choose(const aid_selection_t *s, const aidstat_filter_t *filter,
                                      bool side_by_side, const char *what, aid_selected_t *out,
                                      aidstat_error_t *err)
{
    memset(out, 0, sizeof *out);
    unsigned seen = 0;
    for (int m = 0; m < AID_NM; m++)
        if (s->records[m])
            seen |= 1u << m;
    const char *fdesc = filter ? aidstat_filter_describe(filter) : "";
    if (!seen && s->rows_read == 0 && !fdesc[0])
        return aid_error_set(err, AIDSTAT_ERR_EMPTY, NULL, 0, 0,
                             "no records to %s: the input has no data rows", what);
    if (!seen)
        return aid_error_set(err, AIDSTAT_ERR_EMPTY, NULL, 0, 0, "no records match the selection%s%s%s",
                             fdesc[0] ? " (" : "", fdesc, fdesc[0] ? ")" : "");
    int measure = -1;
    if (!side_by_side) {
        if (__builtin_popcount(seen) == 1)
            measure = __builtin_ctz(seen);
        else if (!aidstat_filter_measures_set(filter) && (seen & (1u << AIDSTAT_MEASURE_ALLOCATION)))
            measure = AIDSTAT_MEASURE_ALLOCATION;
        /* commitments and the deliveries made on them (the Kiel MAIN DATA
         * sheet): the commitments are the headline, as in Kiel's tables */
        else if (!aidstat_filter_measures_set(filter) &&
                 seen == ((1u << AIDSTAT_MEASURE_COMMITMENT) | (1u << AIDSTAT_MEASURE_DELIVERY)) &&
                 !(s->last_currency && !strcmp(s->last_currency, "TIV")))
            measure = AIDSTAT_MEASURE_COMMITMENT;
        /* without allocations (SIPRI's orders and deliveries, in TIV), what
         * was delivered is the default */
        else if (!aidstat_filter_measures_set(filter) && (seen & (1u << AIDSTAT_MEASURE_DELIVERY)))
            measure = AIDSTAT_MEASURE_DELIVERY;
        else {
            char *l = measure_list(seen);
            aid_error_set(err, AIDSTAT_ERR_DATA, NULL, 0, 0,
                          "the selection holds several measures (%s), which cannot be added up; "
                          "pick one with \001measure\002 or compare them with \001by measure\002",
                          l);
            g_free(l);
            return AIDSTAT_ERR_DATA;
        }
    }
    unsigned mset = measure >= 0 ? 1u << measure : seen;
    uint32_t currencies = 0;
    unsigned types = 0;
    int first = 0, last = 0;
    bool by_month = false;
    uint64_t records = 0, unsourced = 0;
    for (int m = 0; m < AID_NM; m++)
        if (mset & (1u << m)) {
            currencies |= s->currencies[m];
            types |= s->types[m];
            records += s->records[m];
            unsourced += s->unsourced[m];
            out->unsized += s->unsized[m];
            if (s->first[m] && (!first || s->first[m] < first))
                first = s->first[m];
            if (s->last[m] > last)
                last = s->last[m];
            by_month = by_month || s->by_month[m];
        }
    if (aid_intern_count(&s->currency_names) > 32)
        return aid_error_set(err, AIDSTAT_ERR_DATA, NULL, 0, 0, "the data names more than 32 currencies");
    if (__builtin_popcount(currencies) > 1) {
        GString *c = g_string_new(NULL);
        for (uint32_t i = 0; i < 32; i++)
            if (currencies & (1u << i))
                g_string_append_printf(c, "%s%s", c->len ? ", " : "", aid_intern_str(&s->currency_names, i));
        uint32_t tiv = aid_intern_find(&s->currency_names, "TIV");
        if (tiv < 32 && (currencies & (1u << tiv)))
            aid_error_set(err, AIDSTAT_ERR_DATA, NULL, 0, 0,
                          "the selection mixes SIPRI trend-indicator values with money (%s), which "
                          "cannot be added up: TIV measure a volume of arms, and no exchange rate "
                          "converts them; select one unit's data (one file, \001donor\002, \001measure\002)",
                          c->str);
        else
            aid_error_set(
                err, AIDSTAT_ERR_DATA, NULL, 0, 0,
                "the selection mixes currencies (%s), which cannot be added up; "
                "convert them with \001currency\002 and \001rates\002, or select one currency's data",
                c->str);
        g_string_free(c, TRUE);
        return AIDSTAT_ERR_DATA;
    }
    out->measure = measure;
    out->types = types_text(types);
    out->currency =
        g_strdup(currencies ? aid_intern_str(&s->currency_names, (uint32_t)__builtin_ctz(currencies)) : "");
    out->filter = g_strdup(fdesc);
    out->y0 = first / 100, out->m0 = first % 100, out->y1 = last / 100, out->m1 = last % 100;
    /* data by year only (SIPRI's) covers years: "2000 – 2021", not "Jan 2000 – Dec 2021" */
    if (!by_month)
        out->m0 = out->m1 = 0;
    out->records = records;
    /* only the sources, and the caveats of the files, whose records are used */
    GString *src = g_string_new(NULL);
    for (uint32_t i = 0; i < aid_intern_count(&s->sources); i++)
        if (g_array_index(s->source_measures, unsigned, i) & mset)
            g_string_append_printf(src, "%s%s", src->len ? "; " : "", aid_intern_str(&s->sources, i));
    out->caveats = g_ptr_array_new_with_free_func(g_free);
    for (guint i = 0; i < s->caveats->len; i++) {
        const char *cv = g_ptr_array_index(s->caveats, i);
        const char *cf = g_ptr_array_index(s->caveat_files, i);
        uint32_t f = cf ? aid_intern_find(&s->files, cf) : 0;
        if (cf && (f == UINT32_MAX || f >= s->file_measures->len ||
                   !(g_array_index(s->file_measures, unsigned, f) & mset)))
            continue;
        bool dup = false;
        for (guint k = 0; k < out->caveats->len && !dup; k++)
            dup = strcmp(g_ptr_array_index(out->caveats, k), cv) == 0;
        if (!dup)
            g_ptr_array_add(out->caveats, g_strdup(cv));
    }
    if (src->len && unsourced)
        g_string_append_printf(src,
                               LP_("; not stated for %" PRIu64 " of %" PRIu64 " record",
                                   "; not stated for %" PRIu64 " of %" PRIu64 " records", records),
                               unsourced, records);
    out->source = g_string_free(src, FALSE);
    return AIDSTAT_OK;
}

char *aid_selected_unsized_note(const aid_selected_t *out)
{
    if (!out->unsized)
        return NULL;
    const char *unit = out->currency ? out->currency : "";
    return g_strdup_printf(
        LP_("%" PRIu64 " order of unknown size is counted as 0%s%s in the orders: the source "
            "values an order at 0 when the number ordered is not known",
            "%" PRIu64 " orders of unknown size are counted as 0%s%s in the orders: the source "
            "values an order at 0 when the number ordered is not known",
            out->unsized),
        out->unsized, unit[0] ? " " : "", unit);
}

void aid_selected_clear(aid_selected_t *out)
{
    g_free(out->types);
    g_free(out->currency);
    g_free(out->source);
    g_free(out->filter);
    if (out->caveats)
        g_ptr_array_free(out->caveats, TRUE);
    memset(out, 0, sizeof *out);
}
