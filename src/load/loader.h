/* Internal: how a CSV file's columns become aid records. A profile names
 * a known file (the Kiel tracker's website files, aidstat's own long
 * format) and fixes what its header leaves unsaid; the generic CSV loader
 * guesses roles from header names. */
#ifndef AID_LOADER_H
#define AID_LOADER_H

#include "aidstat.h"
#include "load/csv.h"

typedef enum {
    ROLE_IGNORE = 0,
    ROLE_DONOR,
    ROLE_ISO3,
    ROLE_RECIPIENT,
    ROLE_YEAR,
    ROLE_MONTH,
    ROLE_DAY,
    ROLE_DATE,
    ROLE_TYPE,
    ROLE_MEASURE,
    ROLE_VALUE,    /* one value per row (long format) */
    ROLE_WIDE,     /* a value column for one type and/or measure (wide format) */
    ROLE_CHECKSUM, /* the sum of the wide columns, checked, not loaded */
    ROLE_CURRENCY,
    ROLE_UNIT,
    ROLE_GDP,
    ROLE_GDP_YEAR,
    ROLE_SOURCE,
    ROLE_RELEASE,
    ROLE_PART, /* the part of a split a record is (aidstat-long with a part column) */
    ROLE_COUNT
} aid_role_t;

typedef struct {
    aid_role_t role;
    int type;             /* ROLE_WIDE: the type, or -1 for the row's type column */
    int measure;          /* ROLE_WIDE: the measure, or -1 for the row's measure column */
    double scale;         /* multiply values by this (0 = use the unit) */
    const char *currency; /* from the header name ("eur"), or NULL */
    int year, month;      /* ROLE_WIDE: the period the header names ("2024", "März 2024"), or 0 */
    bool quarter;         /* ROLE_WIDE: the header names a quarter ("2024Q2"); month is its first */
} aid_column_t;

typedef struct {
    const char *name; /* "kiel-data-explorer" */
    const char
        *description; /* "Kiel Ukraine Support Tracker: data explorer (allocations by donor and month)" */
    const char *const *header; /* the exact header (normalised names), NULL-terminated */
    /* per header column, in the same order */
    const aid_column_t *columns;
    /* constants for what the file leaves unsaid */
    const char *donor, *iso3;
    const char *currency;
    double scale; /* values and gdp in this unit (1e9: € bn) */
    int gdp_year;
    const char *source;
    int type, measure;           /* -1 = from the file */
    bool no_period;              /* rows carry no date: records get year 0 */
    bool kiel_release;           /* read release_info.csv beside the file */
    const char *note;            /* said in the load report */
    aidstat_dataset_role_t role; /* what the file is */
} aid_profile_t;

/* The profile whose header matches the normalised header names, or NULL. */
const aid_profile_t *aid_profile_match(char **names, size_t n);
/* The profile called name, or NULL. */
const aid_profile_t *aid_profile_find(const char *name);
/* All profile names, for messages. */
const char *aid_profile_names(void);

/* Normalise a header name: lower case, runs of non-alphanumerics as one
 * '_', trimmed. Returns a new string. */
char *aid_header_normalize(const char *s);

/* Whether a donor cell names a sum over donors ("All donors", "Total",
 * "World", "EU total"): such rows are never a donor's aid. */
bool aid_donor_is_aggregate(const char *name);

/* A measure cell: a measure's name, or a transaction kind that is one
 * ("Obligations": commitment; "Disbursements": delivery);
 * AID_MEASURE_NOT_AID for budget stages that are not aid given
 * ("Appropriated and Planned", "President's Budget Requests"); -1 when
 * unknown. */
#define AID_MEASURE_NOT_AID (-2)
int aid_measure_or_transaction(const char *s);
/* Whether a normalised header names transaction kinds ("transaction_type_name"). */
bool aid_header_is_transaction(const char *norm);

/* What a known reference table's header says it is ("a World Bank
 * indicator table ..."), or NULL: such a file is not loaded as aid unless
 * its columns are mapped or its format is named. */
const char *aid_reference_layout(char **norm, size_t n);

/* Whether a header counts and names items (a quantity column beside a
 * weapon, system or category column): an inventory, part of aid given. */
bool aid_inventory_layout(char **norm, size_t n);

/* Guess a column's role from its normalised name. */
aid_column_t aid_column_guess(const char *norm);

/* Parse a unit ("bn", "million", "k", "1") into a scale; 0 if unknown. */
double aid_unit_scale(const char *s);

/* Rows from elsewhere than a CSV (a workbook's sheet), through the same
 * header guessing and row rules. read() calls fn for each row, header
 * first, and returns a status (errors in err). */
typedef struct {
    aidstat_status_t (*read)(void *ctx, aid_csv_row_fn fn, void *user, aidstat_error_t *err);
    void *ctx;
    const char *where;   /* "book.xlsx:Sheet" for messages about the whole sheet */
    const char *release; /* known from elsewhere (a workbook's ReadMe), or NULL */
    bool date1904;       /* numeric dates count from 1904 */
} aid_rows_t;

/* The CSV row engine (load/load.c): a CSV from fp (of which the first n
 * bytes, head, were read already; head NULL when fp was rewound) or, with
 * fp NULL, from the n bytes at head. path is NULL for memory. */
aidstat_status_t aid_load_csv(const char *name, const char *path, FILE *fp, const char *head, size_t n,
                              const aidstat_load_options_t *opt, aidstat_record_fn fn, void *user,
                              aidstat_load_report_t *report, aidstat_error_t *err);

/* The Kiel release a workbook's ReadMe sheet names ("7th release"), or
 * NULL; g_free it. (x is an aid_xlsx_t, load/xlsx.h.) */
struct aid_xlsx;
char *aid_workbook_release(struct aid_xlsx *x);

/* A workbook sheet's rows through the same engine. */
aidstat_status_t aid_load_rows(const char *name, const aid_rows_t *rows, const aidstat_load_options_t *opt,
                               aidstat_record_fn fn, void *user, aidstat_load_report_t *report,
                               aidstat_error_t *err);

/* A workbook, from path or from data/len: picks a sheet (opt->sheet, else
 * the Kiel MAIN DATA sheet, else the first), lists the sheets in the
 * report's notes and loads the sheet's rows. */
aidstat_status_t aid_load_workbook(const char *path, const char *data, size_t len, const char *name,
                                   const aidstat_load_options_t *opt, aidstat_record_fn fn, void *user,
                                   aidstat_load_report_t *report, aidstat_error_t *err);

/* The same from a stream that cannot seek (standard input), of which the
 * first n bytes, head, were read already: it is copied to a temporary
 * file first (see aid_xlsx_open_stream). */
aidstat_status_t aid_load_workbook_stream(FILE *fp, const void *head, size_t n, const char *name,
                                          const aidstat_load_options_t *opt, aidstat_record_fn fn, void *user,
                                          aidstat_load_report_t *report, aidstat_error_t *err);

/* The Kiel release label from release_info.csv's row, e.g. "Release 29 (04/2026)". */
char *aid_kiel_release_label(const char *release, const char *period);

/* The heavy weapons of the embedded release (kiel-ust-r29-weapons.csv):
 * value by donor, no dates; kept apart from the default dataset because
 * they are part of its military aid, not in addition to it. */
aidstat_status_t aid_load_default_weapons(aidstat_record_fn fn, void *user, aidstat_load_report_t *report,
                                          aidstat_error_t *err);

/* The embedded release's sourcing split (kiel-ust-r29-sourcing.csv):
 * military allocations of all donors by month and how they were sourced;
 * kept apart for the same reason. */
aidstat_status_t aid_load_default_sourcing(aidstat_record_fn fn, void *user, aidstat_load_report_t *report,
                                           aidstat_error_t *err);

#endif
