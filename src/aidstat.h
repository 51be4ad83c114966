/* aidstat.h: the public API of libaidstat.
 *
 * libaidstat loads military-aid datasets (generic CSV, the Kiel Institute's
 * Ukraine Support Tracker files) into aid records, filters them and compares
 * totals by donor, region, aid type, measure or period.
 *
 * Conventions:
 * - Every function that can fail returns an aidstat_status_t and, when given
 *   a non-NULL aidstat_error_t, fills it with the code, position and message.
 *   The library never prints and never exits.
 * - Objects made by aidstat_X_new() (or a loader) are freed by aidstat_X_free();
 *   freeing NULL does nothing.
 * - Strings returned by accessors belong to the object they came from and stay
 *   valid until it is freed.
 * - Monetary values are in base units of their currency (euros, not billions).
 */
#ifndef AIDSTAT_H
#define AIDSTAT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

#if defined(__GNUC__) && defined(AIDSTAT_BUILDING)
#define AIDSTAT_API __attribute__((visibility("default")))
#else
#define AIDSTAT_API
#endif

/** The library's version string, e.g. "0.1.0". */
AIDSTAT_API const char *aidstat_version(void);

/* ------------------------------------------------------------------ errors */

typedef enum {
    AIDSTAT_OK = 0,
    AIDSTAT_ERR_USAGE = 1,    /**< a bad argument or option value */
    AIDSTAT_ERR_INPUT = 2,    /**< unreadable or structurally malformed input */
    AIDSTAT_ERR_EMPTY = 3,    /**< the selection matched no records */
    AIDSTAT_ERR_DATA = 4,     /**< the data cannot answer the request (mixed currencies, no GDP) */
    AIDSTAT_ERR_OUTPUT = 5,   /**< an output file could not be written */
    AIDSTAT_ERR_NOMEM = 6,
    AIDSTAT_ERR_ABORTED = 7   /**< a record callback asked to stop */
} aidstat_status_t;

/** An error record: where in the input the problem is, and what it is.
 * line and column are 1-based; 0 means "not applicable". column counts
 * fields (CSV) or characters (text), as the message says. */
typedef struct {
    aidstat_status_t code;
    char file[512];
    long line;
    long column;
    char message[512];
} aidstat_error_t;

/** Clear an error record. */
AIDSTAT_API void aidstat_error_clear(aidstat_error_t *err);

/** Format an error as "file:line:column: message" (parts that are unknown
 * are left out) into buf of size len. Returns buf. */
AIDSTAT_API char *aidstat_error_format(const aidstat_error_t *err, char *buf, size_t len);

/* ----------------------------------------------------------------- records */

typedef enum {
    AIDSTAT_TYPE_MILITARY = 0,
    AIDSTAT_TYPE_FINANCIAL,
    AIDSTAT_TYPE_HUMANITARIAN,
    AIDSTAT_TYPE_OTHER,
    AIDSTAT_TYPE_TOTAL, /**< all types together, not split by type */
    AIDSTAT_TYPE_COUNT
} aidstat_type_t;

typedef enum {
    AIDSTAT_MEASURE_COMMITMENT = 0,
    AIDSTAT_MEASURE_ALLOCATION,
    AIDSTAT_MEASURE_DELIVERY,
    AIDSTAT_MEASURE_TO_BE_ALLOCATED, /**< commitments not yet allocated; may be negative */
    AIDSTAT_MEASURE_COUNT
} aidstat_measure_t;

/** The canonical name of a type ("military") or measure ("allocation"). */
AIDSTAT_API const char *aidstat_type_name(aidstat_type_t t);
AIDSTAT_API const char *aidstat_measure_name(aidstat_measure_t m);
/** A name for people: "Military", "Allocations". */
AIDSTAT_API const char *aidstat_type_label(aidstat_type_t t);
AIDSTAT_API const char *aidstat_measure_label(aidstat_measure_t m);
/** Parse a type or measure from common spellings ("mil", "Military aid",
 * "commitments", "to be allocated"). Returns -1 when not recognised. */
AIDSTAT_API int aidstat_type_parse(const char *s);
AIDSTAT_API int aidstat_measure_parse(const char *s);

/** One aid record. Strings are valid only for the duration of the callback
 * that receives the record (copy or intern them to keep them). */
typedef struct {
    const char *donor;     /**< donor name, never NULL */
    const char *iso3;      /**< donor code (ISO 3166 alpha-3 or the data's own, e.g. "EU"); "" if unknown */
    const char *recipient; /**< "Ukraine" unless the data says otherwise */
    int year;              /**< 0 when the record has no period */
    int month;             /**< 1..12, or 0 when only the year is known */
    int day;               /**< 1..31, or 0 when unknown */
    aidstat_type_t type;
    aidstat_measure_t measure;
    double value;          /**< in base units of currency (euros, not billions) */
    const char *currency;  /**< ISO 4217 code, e.g. "EUR" */
    double gdp;            /**< donor GDP in base units of currency; 0 when unknown */
    int gdp_year;          /**< the year of gdp; 0 when unknown */
    const char *source;    /**< e.g. "Kiel Institute, Ukraine Support Tracker"; "" if unknown */
    const char *release;   /**< e.g. "Release 29 (04/2026)"; "" if unknown */
    const char *file;      /**< the file the record came from */
    long line;             /**< the line it starts on */
} aidstat_record_t;

/** Receives records from a loader. Return 0 to go on, non-zero to stop
 * (the loader then returns AIDSTAT_ERR_ABORTED). */
typedef int (*aidstat_record_fn)(const aidstat_record_t *rec, void *user);

/* ---------------------------------------------------------------- periods */

/** Parse "YYYY" or "YYYY-MM" into year and month (0 for a bare year). */
AIDSTAT_API aidstat_status_t aidstat_period_parse(const char *s, int *year, int *month,
                                                  aidstat_error_t *err);
/** Format a period for people: "Apr 2025", or "2025" when month is 0. */
AIDSTAT_API char *aidstat_period_format(int year, int month, char *buf, size_t len);

/* ----------------------------------------------------------------- loading */

typedef struct {
    char delimiter;           /**< 0 = sniff among ',', ';' and tab */
    bool decimal_comma;       /**< numbers use ',' as the decimal mark */
    double unit_scale;        /**< multiply values by this when the file does not say (0 = 1) */
    const char *currency;     /**< currency when the file does not say (NULL = "EUR") */
    const char *const *map;   /**< NULL-terminated "field=column" pairs that override header guessing */
    const char *format;       /**< force a loader by name ("csv", "kiel-data-explorer", ...); NULL = detect */
    const char *display_name; /**< name used in messages instead of the path (NULL = path) */
} aidstat_load_options_t;

/** Set options to their defaults. */
AIDSTAT_API void aidstat_load_options_init(aidstat_load_options_t *opt);

/** What a load did: the loader used, rows read, used and rejected with
 * reasons, and the records' coverage. */
typedef struct aidstat_load_report aidstat_load_report_t;

AIDSTAT_API aidstat_load_report_t *aidstat_load_report_new(void);
AIDSTAT_API void aidstat_load_report_free(aidstat_load_report_t *r);
/** The loader's name ("kiel-data-explorer") and a description for people. */
AIDSTAT_API const char *aidstat_load_report_format(const aidstat_load_report_t *r);
AIDSTAT_API const char *aidstat_load_report_description(const aidstat_load_report_t *r);
AIDSTAT_API const char *aidstat_load_report_file(const aidstat_load_report_t *r);
/** Data rows read (header excluded), rows that gave at least one record,
 * and rows rejected. read == used + rejected + skipped, where skipped rows
 * carried no value at all (every value cell missing). */
AIDSTAT_API uint64_t aidstat_load_report_rows_read(const aidstat_load_report_t *r);
AIDSTAT_API uint64_t aidstat_load_report_rows_used(const aidstat_load_report_t *r);
AIDSTAT_API uint64_t aidstat_load_report_rows_rejected(const aidstat_load_report_t *r);
AIDSTAT_API uint64_t aidstat_load_report_rows_skipped(const aidstat_load_report_t *r);
AIDSTAT_API uint64_t aidstat_load_report_records(const aidstat_load_report_t *r);
/** Reasons for rejected rows, most frequent first: count, and up to
 * max_lines first line numbers written to lines (returns how many). */
AIDSTAT_API size_t aidstat_load_report_reason_count(const aidstat_load_report_t *r);
AIDSTAT_API const char *aidstat_load_report_reason(const aidstat_load_report_t *r, size_t i,
                                                   uint64_t *count, long *lines,
                                                   size_t max_lines, size_t *nlines);
/** The offending text of the first row rejected for reason i ("1.2.3"). */
AIDSTAT_API const char *aidstat_load_report_reason_example(const aidstat_load_report_t *r, size_t i);
/** Notes about the file that are not errors (e.g. "no measure column: values taken as allocations"). */
AIDSTAT_API size_t aidstat_load_report_note_count(const aidstat_load_report_t *r);
AIDSTAT_API const char *aidstat_load_report_note(const aidstat_load_report_t *r, size_t i);
/** Caveats: the notes that qualify the figures themselves (e.g. "values
 * carry no date and are taken as allocations"); they are also notes. */
AIDSTAT_API size_t aidstat_load_report_caveat_count(const aidstat_load_report_t *r);
AIDSTAT_API const char *aidstat_load_report_caveat(const aidstat_load_report_t *r, size_t i);
/** Currencies of the records, in order of first appearance. */
AIDSTAT_API size_t aidstat_load_report_currency_count(const aidstat_load_report_t *r);
AIDSTAT_API const char *aidstat_load_report_currency(const aidstat_load_report_t *r, size_t i);
/** Period covered by the records (0 when none had a period). */
AIDSTAT_API void aidstat_load_report_period(const aidstat_load_report_t *r, int *y0, int *m0,
                                            int *y1, int *m1);
/** Donors seen, in order of first appearance. */
AIDSTAT_API size_t aidstat_load_report_donor_count(const aidstat_load_report_t *r);
AIDSTAT_API const char *aidstat_load_report_donor(const aidstat_load_report_t *r, size_t i);
/** Records per measure. */
AIDSTAT_API uint64_t aidstat_load_report_measure_records(const aidstat_load_report_t *r,
                                                         aidstat_measure_t m);
/** Source and release seen in the records ("" when none). */
AIDSTAT_API const char *aidstat_load_report_source(const aidstat_load_report_t *r);
AIDSTAT_API const char *aidstat_load_report_release(const aidstat_load_report_t *r);

/** Stream the records of a file to fn. Structural problems stop the load
 * with an error pointing at file:line:column; row-level problems reject the
 * row and are counted in report (which may be NULL). Memory use does not
 * grow with the number of rows. */
AIDSTAT_API aidstat_status_t aidstat_load_file(const char *path, const aidstat_load_options_t *opt,
                                               aidstat_record_fn fn, void *user,
                                               aidstat_load_report_t *report, aidstat_error_t *err);

/** The same for a buffer already in memory; name is used in messages and
 * to find the loader (e.g. "data_explorer.csv"). */
AIDSTAT_API aidstat_status_t aidstat_load_memory(const char *name, const char *data, size_t len,
                                                 const aidstat_load_options_t *opt,
                                                 aidstat_record_fn fn, void *user,
                                                 aidstat_load_report_t *report,
                                                 aidstat_error_t *err);

/** The embedded default dataset (the Kiel tracker, see datasets/README.md). */
AIDSTAT_API aidstat_status_t aidstat_load_default(aidstat_record_fn fn, void *user,
                                                  aidstat_load_report_t *report,
                                                  aidstat_error_t *err);
/** The embedded default dataset's name, for messages ("kiel-ust-r29.csv"). */
AIDSTAT_API const char *aidstat_default_dataset_name(void);

/* ------------------------------------------------------------------- table */

/** A columnar in-memory table of aid records with interned strings. */
typedef struct aidstat_table aidstat_table_t;

AIDSTAT_API aidstat_table_t *aidstat_table_new(void);
AIDSTAT_API void aidstat_table_free(aidstat_table_t *t);
/** Append a copy of rec. Returns 0, or -1 when out of memory. Usable as an
 * aidstat_record_fn with the table as user data. */
AIDSTAT_API int aidstat_table_append(const aidstat_record_t *rec, void *table);
AIDSTAT_API size_t aidstat_table_size(const aidstat_table_t *t);
/** Fill rec with row i; its strings stay valid while the table lives. */
AIDSTAT_API void aidstat_table_get(const aidstat_table_t *t, size_t i, aidstat_record_t *rec);
/** Number of distinct strings interned (donors, codes, currencies, sources...). */
AIDSTAT_API size_t aidstat_table_string_count(const aidstat_table_t *t);
/** Send every row to fn, in order. */
AIDSTAT_API aidstat_status_t aidstat_table_foreach(const aidstat_table_t *t, aidstat_record_fn fn,
                                                   void *user);

/* ----------------------------------------------------------------- regions */

/** Donor groups (EU27, Europe, NATO, ...) defined by ISO3 code or donor name.
 * A donor may belong to several groups. */
typedef struct aidstat_regions aidstat_regions_t;

/** Load groups from a CSV with columns region,name,iso3[,country]. */
AIDSTAT_API aidstat_regions_t *aidstat_regions_load_file(const char *path, aidstat_error_t *err);
/** The embedded default groups (datasets/regions.csv). */
AIDSTAT_API aidstat_regions_t *aidstat_regions_load_default(aidstat_error_t *err);
AIDSTAT_API void aidstat_regions_free(aidstat_regions_t *r);
AIDSTAT_API size_t aidstat_regions_count(const aidstat_regions_t *r);
/** The group's identifier ("europe") and its name ("Europe"). */
AIDSTAT_API const char *aidstat_regions_id(const aidstat_regions_t *r, size_t i);
AIDSTAT_API const char *aidstat_regions_name(const aidstat_regions_t *r, size_t i);
AIDSTAT_API size_t aidstat_regions_member_count(const aidstat_regions_t *r, size_t i);
/** Find a group by identifier or name, case-insensitive; -1 if none. */
AIDSTAT_API long aidstat_regions_find(const aidstat_regions_t *r, const char *id_or_name);
/** Whether the donor (by code, or by name when the code is empty or unknown) is in group i. */
AIDSTAT_API bool aidstat_regions_contains(const aidstat_regions_t *r, size_t i, const char *iso3,
                                          const char *donor);

/* ------------------------------------------------------------------ filter */

/** A record filter: donors, regions, types, measures and a period range.
 * An empty filter matches everything. */
typedef struct aidstat_filter aidstat_filter_t;

AIDSTAT_API aidstat_filter_t *aidstat_filter_new(void);
AIDSTAT_API void aidstat_filter_free(aidstat_filter_t *f);
/** Restrict to a donor by name or code (case-insensitive); may be repeated. */
AIDSTAT_API void aidstat_filter_add_donor(aidstat_filter_t *f, const char *name_or_code);
/** Restrict to members of group i of regions (borrowed; must outlive f). */
AIDSTAT_API void aidstat_filter_add_region(aidstat_filter_t *f, const aidstat_regions_t *regions,
                                           size_t i);
AIDSTAT_API void aidstat_filter_add_type(aidstat_filter_t *f, aidstat_type_t t);
AIDSTAT_API void aidstat_filter_add_measure(aidstat_filter_t *f, aidstat_measure_t m);
/** Inclusive bounds; month 0 means the whole year (from: January, to: December). */
AIDSTAT_API void aidstat_filter_set_from(aidstat_filter_t *f, int year, int month);
AIDSTAT_API void aidstat_filter_set_to(aidstat_filter_t *f, int year, int month);
AIDSTAT_API bool aidstat_filter_match(const aidstat_filter_t *f, const aidstat_record_t *rec);
/** Whether the filter restricts types / measures, and to which. */
AIDSTAT_API bool aidstat_filter_has_type(const aidstat_filter_t *f, aidstat_type_t t);
AIDSTAT_API bool aidstat_filter_types_set(const aidstat_filter_t *f);
AIDSTAT_API bool aidstat_filter_has_measure(const aidstat_filter_t *f, aidstat_measure_t m);
AIDSTAT_API bool aidstat_filter_measures_set(const aidstat_filter_t *f);
/** Whether the filter restricts donors (by name, code or group). */
AIDSTAT_API bool aidstat_filter_donors_set(const aidstat_filter_t *f);
/** Whether group i of regions is among the filter's groups (true when the
 * filter names no groups): a comparison by region shows only these. */
AIDSTAT_API bool aidstat_filter_has_region(const aidstat_filter_t *f, const aidstat_regions_t *regions,
                                           size_t i);
/** A description for messages and footers: "type=military, to=2025-04". */
AIDSTAT_API const char *aidstat_filter_describe(const aidstat_filter_t *f);

/* ----------------------------------------------------------------- compare */

typedef enum {
    AIDSTAT_KEY_NONE = 0,
    AIDSTAT_KEY_DONOR,
    AIDSTAT_KEY_REGION,
    AIDSTAT_KEY_TYPE,
    AIDSTAT_KEY_MEASURE,
    AIDSTAT_KEY_YEAR,
    AIDSTAT_KEY_QUARTER,
    AIDSTAT_KEY_MONTH
} aidstat_key_t;

/** Parse "donor", "region", ...; -1 when unknown. */
AIDSTAT_API int aidstat_key_parse(const char *s);
AIDSTAT_API const char *aidstat_key_name(aidstat_key_t k);

typedef enum { AIDSTAT_SORT_DEFAULT = 0, AIDSTAT_SORT_VALUE, AIDSTAT_SORT_NAME } aidstat_sort_t;
typedef enum { AIDSTAT_PER_NONE = 0, AIDSTAT_PER_GDP } aidstat_per_t;

typedef struct {
    aidstat_key_t by[2];          /**< row key and optional column key */
    const aidstat_filter_t *filter; /**< borrowed; NULL = everything */
    const aidstat_regions_t *regions; /**< borrowed; needed for AIDSTAT_KEY_REGION */
    size_t top;                   /**< keep the top N rows, fold the rest into "Others"; 0 = all */
    aidstat_sort_t sort;
    aidstat_per_t per;
} aidstat_compare_options_t;

AIDSTAT_API void aidstat_compare_options_init(aidstat_compare_options_t *opt);

/** A streaming group-by: feed it records, then finish it into a result.
 * Memory grows with the number of groups, not of records. */
typedef struct aidstat_compare aidstat_compare_t;

/** The options (and what they borrow) must outlive the object. */
AIDSTAT_API aidstat_compare_t *aidstat_compare_new(const aidstat_compare_options_t *opt,
                                                   aidstat_error_t *err);
AIDSTAT_API void aidstat_compare_free(aidstat_compare_t *c);
/** Add one record (ignored unless it matches the filter). An aidstat_record_fn
 * with the aidstat_compare_t as user data. */
AIDSTAT_API int aidstat_compare_add(const aidstat_record_t *rec, void *compare);
/** Account for a load in the result's metadata (rows read / rejected). */
AIDSTAT_API void aidstat_compare_add_load_report(aidstat_compare_t *c,
                                                 const aidstat_load_report_t *r);

/** The finished comparison: rows (key 1), columns (key 2), cells. */
typedef struct aidstat_result aidstat_result_t;

/** Finish: pick the measure, check currencies, sort, rank, fold "Others".
 * Errors: AIDSTAT_ERR_EMPTY when nothing matched; AIDSTAT_ERR_DATA for mixed
 * measures or currencies, or --per gdp without GDP. */
AIDSTAT_API aidstat_result_t *aidstat_compare_finish(aidstat_compare_t *c, aidstat_error_t *err);
AIDSTAT_API void aidstat_result_free(aidstat_result_t *r);

AIDSTAT_API aidstat_key_t aidstat_result_key(const aidstat_result_t *r, int which);
AIDSTAT_API size_t aidstat_result_rows(const aidstat_result_t *r);
AIDSTAT_API const char *aidstat_result_row_label(const aidstat_result_t *r, size_t i);
/** The donor code of a row when rows are donors ("" otherwise). */
AIDSTAT_API const char *aidstat_result_row_code(const aidstat_result_t *r, size_t i);
/** Whether row i is the folded "Others" row, and how many groups it holds. */
AIDSTAT_API bool aidstat_result_row_is_others(const aidstat_result_t *r, size_t i, size_t *n);
/** The row's value: base units, or percent of GDP with AIDSTAT_PER_GDP
 * (NaN when the donor has no GDP). */
AIDSTAT_API double aidstat_result_value(const aidstat_result_t *r, size_t i);
/** Share of the total in [0,1], NaN where a share means nothing. */
AIDSTAT_API double aidstat_result_share(const aidstat_result_t *r, size_t i);
AIDSTAT_API double aidstat_result_cumulative_share(const aidstat_result_t *r, size_t i);
/** 1-based rank by value; 0 for "Others" or where ranks mean nothing. */
AIDSTAT_API size_t aidstat_result_rank(const aidstat_result_t *r, size_t i);
/** For AIDSTAT_PER_GDP: the row's absolute value and the GDP it is divided by. */
AIDSTAT_API double aidstat_result_absolute(const aidstat_result_t *r, size_t i);
AIDSTAT_API double aidstat_result_gdp(const aidstat_result_t *r, size_t i);
/** Columns (key 2); 0 when comparing by one key. */
AIDSTAT_API size_t aidstat_result_cols(const aidstat_result_t *r);
AIDSTAT_API const char *aidstat_result_col_label(const aidstat_result_t *r, size_t j);
AIDSTAT_API double aidstat_result_cell(const aidstat_result_t *r, size_t i, size_t j);
AIDSTAT_API double aidstat_result_col_total(const aidstat_result_t *r, size_t j);
/** Whether totals, shares and ranks are meaningful (not across measures). */
AIDSTAT_API bool aidstat_result_additive(const aidstat_result_t *r);
/** The total over all matched records (for regions: each donor once). */
AIDSTAT_API double aidstat_result_total(const aidstat_result_t *r);
/** Label of the total row ("Total", "All donors"). */
AIDSTAT_API const char *aidstat_result_total_label(const aidstat_result_t *r);

/** What the numbers are. */
AIDSTAT_API aidstat_per_t aidstat_result_per(const aidstat_result_t *r);
/** The measure, or -1 when rows or columns are measures. */
AIDSTAT_API int aidstat_result_measure(const aidstat_result_t *r);
/** "military" / "military, financial" / "all types". */
AIDSTAT_API const char *aidstat_result_types(const aidstat_result_t *r);
AIDSTAT_API const char *aidstat_result_currency(const aidstat_result_t *r);
/** Period covered by the matched records (0 = unknown). */
AIDSTAT_API void aidstat_result_period(const aidstat_result_t *r, int *y0, int *m0, int *y1, int *m1);
/** "Kiel Institute, Ukraine Support Tracker, Release 29 (04/2026)"; several joined by "; ". */
AIDSTAT_API const char *aidstat_result_source(const aidstat_result_t *r);
AIDSTAT_API const char *aidstat_result_filter(const aidstat_result_t *r);
AIDSTAT_API uint64_t aidstat_result_records(const aidstat_result_t *r);
AIDSTAT_API uint64_t aidstat_result_rows_read(const aidstat_result_t *r);
AIDSTAT_API uint64_t aidstat_result_rows_rejected(const aidstat_result_t *r);
/** Notes for the footer ("EU (Commission and Council): no GDP in the data"). */
AIDSTAT_API size_t aidstat_result_note_count(const aidstat_result_t *r);
AIDSTAT_API const char *aidstat_result_note(const aidstat_result_t *r, size_t i);

#ifdef __cplusplus
}
#endif
#endif /* AIDSTAT_H */
