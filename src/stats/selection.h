/* Internal: what a selection of records is, kept while they stream by:
 * for each measure, the types, currencies, period and sources seen, so a
 * comparison or a series can choose its measure at the end and state on
 * every output what its numbers are. */
#ifndef AID_SELECTION_H
#define AID_SELECTION_H

#include "aidstat.h"
#include "data/intern.h"

#include <glib.h>

#define AID_NM AIDSTAT_MEASURE_COUNT

typedef struct {
    uint64_t records[AID_NM];
    unsigned types[AID_NM];
    uint32_t currencies[AID_NM];     /* bit per currency id */
    int first[AID_NM], last[AID_NM]; /* period keys */
    bool by_month[AID_NM];           /* some record names its month */
    uint64_t unsourced[AID_NM];      /* records with neither source nor release */
    uint64_t unsized[AID_NM];        /* orders of unknown size (AIDSTAT_RECORD_SIZE_UNKNOWN) */
    aid_intern_t currency_names;
    aid_intern_t sources;    /* "source, release" */
    GArray *source_measures; /* unsigned per source: measures of its records */
    uint32_t last_source_id;
    aid_intern_t files;    /* files records came from */
    GArray *file_measures; /* unsigned per file: measures of its records */
    const char *last_file; /* hot-path cache: the last file's name */
    uint32_t last_file_id;
    GPtrArray *caveats;      /* from the loads, once each */
    GPtrArray *caveat_files; /* char*: the file each caveat came from */
    uint64_t rows_read, rows_rejected;
    /* records the period rule left out: partly inside the range */
    uint64_t straddled[AID_NM];
    double straddled_sum[AID_NM];
    char *straddled_currency;            /* the first one's; "" once they differ */
    int straddled_year, straddled_month; /* the first one's period */
    /* hot-path caches */
    const char *last_currency;
    uint32_t last_currency_id;
    char *last_source, *last_release;
} aid_selection_t;

/* What the selection is once its measure is chosen. Strings are owned. */
typedef struct {
    int measure; /* -1 when several are shown side by side */
    char *types; /* "military", "all types" */
    char *currency;
    char *source;       /* "Kiel Institute, ..., Release 29 (04/2026)": of the records used only */
    GPtrArray *caveats; /* char*: the caveats of the files whose records are used */
    char *filter;       /* the filter's description */
    int y0, m0, y1, m1;
    uint64_t records;
    uint64_t unsized; /* orders of unknown size among them, valued at 0 */
} aid_selected_t;

void aid_selection_init(aid_selection_t *s);
void aid_selection_clear(aid_selection_t *s);
/* Account for one record that matched the filter. */
void aid_selection_add(aid_selection_t *s, const aidstat_record_t *rec);
/* Account for one record that did not match the filter: counted when it
 * failed only by reaching across an end of the period. */
void aid_selection_straddled(aid_selection_t *s, const aidstat_filter_t *filter, const aidstat_record_t *rec);
/* The note on those records for measure (-1: all), or NULL; free it. */
char *aid_selection_straddled_note(const aid_selection_t *s, const aidstat_filter_t *filter, int measure);
void aid_selection_add_report(aid_selection_t *s, const aidstat_load_report_t *r);
/* A caveat for the result's notes, once. */
void aid_selection_add_caveat(aid_selection_t *s, const char *caveat);

/* Choose the measure: the one there is; allocations when there are several
 * and none was asked for; all of them when side_by_side (a key is the
 * measure). Fails with AIDSTAT_ERR_EMPTY for no records, AIDSTAT_ERR_DATA
 * for several measures or currencies. what names the task in messages
 * ("compare"). Fills out on success. */
aidstat_status_t aid_selection_choose(const aid_selection_t *s, const aidstat_filter_t *filter,
                                      bool side_by_side, const char *what, aid_selected_t *out,
                                      aidstat_error_t *err);
void aid_selected_clear(aid_selected_t *out);
/* The note on orders of unknown size for out, or NULL; free it. */
char *aid_selected_unsized_note(const aid_selected_t *out);

#endif
