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
 * - ABI: options structs (aidstat_X_options_t) start with a size field that
 *   aidstat_X_options_init sets, so later versions can add fields at the end
 *   without breaking programs built against this header; always set them up
 *   with the init function, never with an initialiser or memset. Functions
 *   that parse a name return a status and write the value through an
 *   out-parameter. Enum values keep their numbers. Fixed-size strings appear
 *   only in aidstat_error_t: its file name and messages are always
 *   NUL-terminated valid UTF-8; longer ones are cut to end in "…".
 */
#ifndef AIDSTAT_H
#define AIDSTAT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

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
    AIDSTAT_ERR_USAGE = 1,  /**< a bad argument or option value */
    AIDSTAT_ERR_INPUT = 2,  /**< unreadable or structurally malformed input */
    AIDSTAT_ERR_EMPTY = 3,  /**< the selection matched no records */
    AIDSTAT_ERR_DATA = 4,   /**< the data cannot answer the request (mixed currencies, no GDP) */
    AIDSTAT_ERR_OUTPUT = 5, /**< an output file could not be written */
    AIDSTAT_ERR_NOMEM = 6,
    AIDSTAT_ERR_ABORTED = 7 /**< a record callback asked to stop */
} aidstat_status_t;

/** The language of the names and figures the library writes for people:
 * labels (donor, region, type and measure names, "Others", months) and
 * the number and money formats of charts and reports. NULL or "" (the
 * default) follows the message catalogue; "en" or "de" fixes it (a
 * program writing CSV or JSON fixes "en"). Messages, error messages
 * included, always follow the program's locale through GNU gettext
 * (LANGUAGE, LC_ALL, LC_MESSAGES; text domain "aidstat"; the library never
 * calls setlocale). Codes, keys and enum names (aidstat_type_name, ...)
 * never change. German labels come from the German catalogue, which GNU
 * gettext reads only when the program's locale asks for it (LANGUAGE=de,
 * not the "C" locale): a program that switches its catalogue while it runs
 * calls this again, so labels looked up before are looked up anew (a
 * report spec's lang: de calls it too). Returns AIDSTAT_ERR_USAGE for
 * another language. Not thread-safe: set it before the work starts. */
AIDSTAT_API aidstat_status_t aidstat_set_language(const char *lang);
/** "de" when what the library writes for people is German, else "en". */
AIDSTAT_API const char *aidstat_language(void);
/** Where the library looks for its message catalogues: $AIDSTAT_LOCALEDIR
 * when set, else the installed locale directory. A German catalogue is
 * DIR/de/LC_MESSAGES/aidstat.mo; when it is missing, names and messages
 * asked for in German stay English (aidstat_language() says "en"). */
AIDSTAT_API const char *aidstat_catalogue_dir(void);

/** An error record: where in the input the problem is, and what it is.
 * line and column are 1-based; 0 means "not applicable". column counts
 * fields (CSV) or characters (text), as the message says. */
typedef struct {
    aidstat_status_t code;
    char file[512];
    long line;
    long column;
    char message
        [512]; /**< in the language of aidstat_language(); an option it names reads KEY=VALUE ("top=N") */
    /** The same message with each option it names marked "\001KEY VALUE\002"
     * (or "\001KEY\002"), for a front-end that names options its own way
     * (aidstat_error_word); "" when the message names no option. */
    char wording[512];
} aidstat_error_t;

/** Clear an error record. */
AIDSTAT_API void aidstat_error_clear(aidstat_error_t *err);

/** Format an error as "file:line:column: message" (parts that are unknown
 * are left out) into buf of size len. Returns buf. */
AIDSTAT_API char *aidstat_error_format(const aidstat_error_t *err, char *buf, size_t len);

/** How a front-end names an option the library refers to: key is the
 * library's name for the setting ("top", "per", "rates", "interval", ...),
 * value what goes with it ("N", "gdp", "FILE"; NULL when none). Returns
 * newly allocated text (malloc), or NULL for the neutral "key=value" ("key value" when
 * the value holds "=" or a quote). */
typedef char *(*aidstat_option_word_fn)(const char *key, const char *value, void *user);
/** Text marked as aidstat_error_t.wording is, with each option worded by fn
 * (NULL: neutrally). Newly allocated; aidstat_free. */
AIDSTAT_API char *aidstat_text_word(const char *marked, aidstat_option_word_fn fn, void *user);
/** err's message with its options worded by fn (the message itself when
 * it names none). Newly allocated; aidstat_free. */
AIDSTAT_API char *aidstat_error_word(const aidstat_error_t *err, aidstat_option_word_fn fn, void *user);

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
 * "commitments", "to be allocated") into *out. AIDSTAT_ERR_USAGE (and *out
 * untouched) when not recognised. */
AIDSTAT_API aidstat_status_t aidstat_type_parse(const char *s, aidstat_type_t *out);
AIDSTAT_API aidstat_status_t aidstat_measure_parse(const char *s, aidstat_measure_t *out);

/** One aid record. Strings are valid only for the duration of the callback
 * that receives the record (copy or intern them to keep them). */
typedef struct {
    const char *donor;     /**< donor name, never NULL */
    const char *iso3;      /**< donor code (ISO 3166 alpha-3 or the data's own, e.g. "EU"); "" if unknown */
    const char *recipient; /**< as the data names it ("Ukraine" in the Kiel tracker's files); "" when it
                              names none */
    int year;              /**< 0 when the record has no period */
    int month;             /**< 1..12, or 0 when only the year is known */
    int day;               /**< 1..31, or 0 when unknown */
    aidstat_type_t type;
    aidstat_measure_t measure;
    double value;         /**< in base units of currency (euros, not billions) */
    const char *currency; /**< ISO 4217 code, e.g. "EUR" */
    double gdp;           /**< donor GDP in base units of currency; 0 when unknown */
    int gdp_year;         /**< the year of gdp; 0 when unknown */
    const char *source;   /**< e.g. "Kiel Institute, Ukraine Support Tracker"; "" if unknown */
    const char *release;  /**< e.g. "Release 29 (04/2026)"; "" if unknown */
    const char *file;     /**< the file the record came from */
    long line;            /**< the line it starts on */
    /** In a file that splits another view of aid (AIDSTAT_DATASET_SPLIT:
     * Kiel's procurement_trends.csv), the part this record is, as the file
     * names it ("stockpile", "procurement", "unspecified", "nato_purl");
     * NULL or "" otherwise. */
    const char *part;
    unsigned flags; /**< AIDSTAT_RECORD_* bits; 0 for most records */
} aidstat_record_t;

/** An order whose size its source does not know, valued at 0 by it
 * (SIPRI's trade register leaves the TIV for total order at 0 when the
 * number ordered is unknown): a 0 that understates the order. */
#define AIDSTAT_RECORD_SIZE_UNKNOWN 0x1u
/** A record of a whole quarter ("2024Q2"): its month is the quarter's
 * first, and it covers that month and the two after it. */
#define AIDSTAT_RECORD_QUARTER 0x2u

/** Receives records from a loader. Return 0 to go on, non-zero to stop
 * (the loader then returns AIDSTAT_ERR_ABORTED). */
typedef int (*aidstat_record_fn)(const aidstat_record_t *rec, void *user);

/* ---------------------------------------------------------------- numbers */

/** How a typed number failed aidstat_number_read. */
typedef enum {
    AIDSTAT_NUMBER_OK = 0,
    AIDSTAT_NUMBER_SYNTAX, /**< not one plain decimal number: "", "50abc", "0x40", "nan", "inf", " 5" */
    AIDSTAT_NUMBER_WHOLE,  /**< a number, but a whole number was asked for: "2.5", "1e3" */
    AIDSTAT_NUMBER_RANGE,  /**< outside [min, max] (or too large for a double) */
} aidstat_number_check_t;

/** Read a number typed as an option or a report value, strictly: the whole
 * of text is an optional sign, digits, an optional decimal part and
 * exponent (no blanks, grouping, hexadecimal, "nan" or "inf"); finite;
 * with whole, an integer written without decimals or exponent; within
 * [min, max]. *out is set only on AIDSTAT_NUMBER_OK. Every number option
 * of the program and every number in a report spec goes through here. */
AIDSTAT_API aidstat_number_check_t aidstat_number_read(const char *text, bool whole, double min, double max,
                                                       double *out);

/* ---------------------------------------------------------------- periods */

/** Parse "YYYY" or "YYYY-MM" into year and month (0 for a bare year). */
AIDSTAT_API aidstat_status_t aidstat_period_parse(const char *s, int *year, int *month, aidstat_error_t *err);
/** Format a period for people: "Apr 2025", or "2025" when month is 0. */
AIDSTAT_API char *aidstat_period_format(int year, int month, char *buf, size_t len);

/* ----------------------------------------------------------------- loading */

/** The order of a numeric date's day and month ("3/4/2024"). */
typedef enum {
    AIDSTAT_DATE_ORDER_AUTO = 0, /**< each date column's values prove it; unclear is an error */
    AIDSTAT_DATE_ORDER_DMY,      /**< day first: 3/4/2024 is 3 April */
    AIDSTAT_DATE_ORDER_MDY,      /**< month first: 3/4/2024 is 4 March */
    AIDSTAT_DATE_ORDER_YMD       /**< year first only: 2024/04/03 */
} aidstat_date_order_t;

/** Parse "dmy", "mdy", "ymd" or "auto" into *out; AIDSTAT_ERR_USAGE when unknown. */
AIDSTAT_API aidstat_status_t aidstat_date_order_parse(const char *s, aidstat_date_order_t *out);

typedef struct {
    size_t size; /**< sizeof the struct, set by aidstat_load_options_init: lets later versions add fields */
    char delimiter;           /**< 0 = sniff among ',', ';' and tab */
    bool decimal_comma;       /**< numbers use ',' as the decimal mark */
    double unit_scale;        /**< multiply values by this when the file does not say (0 = 1) */
    const char *currency;     /**< currency when the file does not say (NULL = "EUR") */
    const char *const *map;   /**< NULL-terminated "field=column" pairs that override header guessing */
    const char *format;       /**< force a loader by name ("csv", "kiel-data-explorer", ...); NULL = detect */
    const char *display_name; /**< name used in messages instead of the path (NULL = path) */
    /** The input's encoding: NULL or "auto" to detect (UTF-8; a byte-order
     * mark; ISO-8859-1 or Windows-1252 when the first byte that is not
     * UTF-8 comes after ASCII text only), or a name iconv knows ("latin1",
     * "cp1252"). Text is converted to UTF-8 as it streams. */
    const char *encoding;
    /** A workbook's sheet to load, by name (exact, else ignoring case);
     * NULL = the Kiel MAIN DATA sheet when there is one, else the first. */
    const char *sheet;
    /** Numbers use '.' as the decimal mark. Without it or decimal_comma, a
     * ';'- or tab-separated file's number columns are each read by the mark their
     * values show ("1.250,5", "12.345.678" or "2,5" for a comma); a column
     * whose values could be either ("1.500") is an error, and so is a value
     * that contradicts its column's mark. Rows wait in memory for at most
     * 1000 rows until a value decides. */
    bool decimal_point;
    /** How numeric dates order day and month. AUTO: a date column is read
     * by the order its values show (a first number above 12 shows
     * day-first, a second one month-first; "15.03.2024" is always
     * day-first); rows wait for at most 1000 rows until a value decides; a
     * column that never shows it, or a value that contradicts it, is an
     * error. */
    aidstat_date_order_t date_order;
    /** NULL-terminated "WORD=NAME" pairs: a type or measure cell that reads
     * WORD (any case) is the aid type or measure NAME ("Rüstung=military",
     * "Auszahlung=delivery"). */
    const char *const *words;
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
 * carried no aid (every value cell missing or zero). */
AIDSTAT_API uint64_t aidstat_load_report_rows_read(const aidstat_load_report_t *r);
AIDSTAT_API uint64_t aidstat_load_report_rows_used(const aidstat_load_report_t *r);
AIDSTAT_API uint64_t aidstat_load_report_rows_rejected(const aidstat_load_report_t *r);
AIDSTAT_API uint64_t aidstat_load_report_rows_skipped(const aidstat_load_report_t *r);
AIDSTAT_API uint64_t aidstat_load_report_records(const aidstat_load_report_t *r);
/** Zero values in a wide file's type or measure columns: "no aid of this
 * kind", so not records (a long file's zero rows are records). */
AIDSTAT_API uint64_t aidstat_load_report_zero_cells(const aidstat_load_report_t *r);
/** Reasons for rejected rows, most frequent first: count, and up to
 * max_lines first line numbers written to lines (returns how many). */
AIDSTAT_API size_t aidstat_load_report_reason_count(const aidstat_load_report_t *r);
AIDSTAT_API const char *aidstat_load_report_reason(const aidstat_load_report_t *r, size_t i, uint64_t *count,
                                                   long *lines, size_t max_lines, size_t *nlines);
/** The offending text of the first row rejected for reason i ("1.2.3"). */
AIDSTAT_API const char *aidstat_load_report_reason_example(const aidstat_load_report_t *r, size_t i);
/** Notes about the file that are not errors (e.g. "no measure column: values taken as allocations"). */
AIDSTAT_API size_t aidstat_load_report_note_count(const aidstat_load_report_t *r);
AIDSTAT_API const char *aidstat_load_report_note(const aidstat_load_report_t *r, size_t i);
/** The note with the options it names marked, as aidstat_error_t.wording (aidstat_text_word). */
AIDSTAT_API const char *aidstat_load_report_note_marked(const aidstat_load_report_t *r, size_t i);
/** Caveats: the notes that qualify the figures themselves (e.g. "values
 * carry no date and are taken as allocations"); they are also notes. */
AIDSTAT_API size_t aidstat_load_report_caveat_count(const aidstat_load_report_t *r);
AIDSTAT_API const char *aidstat_load_report_caveat(const aidstat_load_report_t *r, size_t i);
/** Currencies of the records, in order of first appearance. */
AIDSTAT_API size_t aidstat_load_report_currency_count(const aidstat_load_report_t *r);
AIDSTAT_API const char *aidstat_load_report_currency(const aidstat_load_report_t *r, size_t i);
/** Period covered by the records (0 when none had a period); the months
 * are 0 when no record gives a month (data by year). */
AIDSTAT_API void aidstat_load_report_period(const aidstat_load_report_t *r, int *y0, int *m0, int *y1,
                                            int *m1);
/** Donors seen, in order of first appearance. */
AIDSTAT_API size_t aidstat_load_report_donor_count(const aidstat_load_report_t *r);
AIDSTAT_API const char *aidstat_load_report_donor(const aidstat_load_report_t *r, size_t i);
/** Records per measure. */
AIDSTAT_API uint64_t aidstat_load_report_measure_records(const aidstat_load_report_t *r, aidstat_measure_t m);
/** The encoding the file was read in ("UTF-8", "ISO-8859-1",
 * "Windows-1252", ...) and, in *how (may be NULL), how it was chosen:
 * "default", "detected", "byte-order mark" or "declared". */
AIDSTAT_API const char *aidstat_load_report_encoding(const aidstat_load_report_t *r, const char **how);
/** Recipients of the records, in order of first appearance. */
AIDSTAT_API size_t aidstat_load_report_recipient_count(const aidstat_load_report_t *r);
AIDSTAT_API const char *aidstat_load_report_recipient(const aidstat_load_report_t *r, size_t i);
/** Source and release seen in the records ("" when none). */
AIDSTAT_API const char *aidstat_load_report_source(const aidstat_load_report_t *r);
AIDSTAT_API const char *aidstat_load_report_release(const aidstat_load_report_t *r);

/** What a file is, decided when it is loaded. Only record-level files add
 * up with one another: the others are other views of the same aid (sums
 * over donors, keys, inventories) and count it again. */
typedef enum {
    AIDSTAT_DATASET_RECORDS = 0, /**< record-level aid: a donor's aid per row (data_explorer.csv) */
    AIDSTAT_DATASET_AGGREGATE,   /**< sums over donors (Kiel total_allocations.csv) */
    AIDSTAT_DATASET_KEY, /**< an attribution key: shares of aid given through others (eu_aid_shares.csv) */
    AIDSTAT_DATASET_INVENTORY, /**< items delivered, valued: part of an aid type (weapons.csv) */
    AIDSTAT_DATASET_SPLIT,     /**< one aid type split another way (procurement_trends.csv) */
    AIDSTAT_DATASET_REFERENCE, /**< a reference table, no aid records (release_info.csv) */
    AIDSTAT_DATASET_COUNT
} aidstat_dataset_role_t;

/** The role of the loaded file (AIDSTAT_DATASET_RECORDS unless its loader says otherwise). */
AIDSTAT_API aidstat_dataset_role_t aidstat_load_report_role(const aidstat_load_report_t *r);
/** What a role is, for people: "record-level aid", "an aggregate over donors". */
AIDSTAT_API const char *aidstat_dataset_role_name(aidstat_dataset_role_t role);
/** How a file of this role is used: "load it on its own ...". */
AIDSTAT_API const char *aidstat_dataset_role_usage(aidstat_dataset_role_t role);

/** Files loaded together. Their records pass through it (fn
 * aidstat_inputs_record, user the inputs) to the consumer set with
 * aidstat_inputs_new; it refuses what would count aid twice: the same
 * file given twice (same path, same device and inode, or the same
 * bytes), two files holding the same record (donor, code, recipient,
 * period, type, measure, source and release), and files that are
 * different views of aid (a record-level file with a sum over donors, an
 * attribution key, an inventory or a sourcing split). allow_overlap lets
 * the first two through (a deliberate overlap). */
typedef struct aidstat_inputs aidstat_inputs_t;
/** New inputs passing records to fn with user. Free with aidstat_inputs_free. */
AIDSTAT_API aidstat_inputs_t *aidstat_inputs_new(aidstat_record_fn fn, void *user, bool allow_overlap);
AIDSTAT_API void aidstat_inputs_free(aidstat_inputs_t *in);
/** Before loading path: an error naming both files when it is one already
 * added. "-" (standard input) is never compared. */
AIDSTAT_API aidstat_status_t aidstat_inputs_add_file(aidstat_inputs_t *in, const char *path,
                                                     aidstat_error_t *err);
/** The record callback: remembers the record's identity, then passes it on. */
AIDSTAT_API int aidstat_inputs_record(const aidstat_record_t *rec, void *inputs);
/** After each file's load, before the next one: what the file is, from
 * its report (copied). Records that come before it belong to that file. */
AIDSTAT_API void aidstat_inputs_add_report(aidstat_inputs_t *in, const aidstat_load_report_t *r);
/** After the last file: an error when records overlapped or the files are
 * different views of aid. Then aidstat_inputs_detail lists each file,
 * what it is and how to use it, one line each. */
AIDSTAT_API aidstat_status_t aidstat_inputs_finish(aidstat_inputs_t *in, aidstat_error_t *err);
AIDSTAT_API size_t aidstat_inputs_detail_count(const aidstat_inputs_t *in);
AIDSTAT_API const char *aidstat_inputs_detail(const aidstat_inputs_t *in, size_t i);
/** Whether the error from aidstat_inputs_add_file or _finish was an overlap
 * (which allow_overlap would let through), not different views. */
AIDSTAT_API bool aidstat_inputs_overlap_refused(const aidstat_inputs_t *in);

/** Receives a load's progress: bytes read so far and the input's size
 * (0 when unknown, as for a pipe). */
typedef void (*aidstat_progress_fn)(uint64_t done, uint64_t total, void *user);
/** Have the load that fills r call fn after each block it reads (about
 * every MiB); fn NULL stops it. */
AIDSTAT_API void aidstat_load_report_set_progress(aidstat_load_report_t *r, aidstat_progress_fn fn,
                                                  void *user);

/** Stream the records of a file to fn. Structural problems stop the load
 * with an error pointing at file:line:column; row-level problems reject the
 * row and are counted in report (which may be NULL). Memory use does not
 * grow with the number of rows. An XLSX workbook is recognised by its
 * first bytes (a zip archive), whatever the file is called: then lines are
 * the loaded sheet's row numbers, the report's notes list the sheets and
 * say which one was loaded, and errors point at "book.xlsx:Sheet!C12". */
AIDSTAT_API aidstat_status_t aidstat_load_file(const char *path, const aidstat_load_options_t *opt,
                                               aidstat_record_fn fn, void *user,
                                               aidstat_load_report_t *report, aidstat_error_t *err);

/** The same for a buffer already in memory; name is used in messages and
 * to find the loader (e.g. "data_explorer.csv"). */
AIDSTAT_API aidstat_status_t aidstat_load_memory(const char *name, const char *data, size_t len,
                                                 const aidstat_load_options_t *opt, aidstat_record_fn fn,
                                                 void *user, aidstat_load_report_t *report,
                                                 aidstat_error_t *err);

/** The embedded default dataset (the Kiel tracker, see datasets/README.md). */
AIDSTAT_API aidstat_status_t aidstat_load_default(aidstat_record_fn fn, void *user,
                                                  aidstat_load_report_t *report, aidstat_error_t *err);
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

/* --------------------------------------------------------------- countries */

/** Look a donor up in the country table (datasets/countries.csv) by any of
 * its names (English, German, the spellings of Kiel's and SIPRI's files;
 * case and accents do not count) or by its code. On success *code and
 * *name (either may be NULL) point at static strings: the code ("CZE") and
 * the display name ("Czechia"). */
AIDSTAT_API bool aidstat_country_find(const char *name_or_code, const char **code, const char **name);
/** The display name of the country whose name is closest to name by edit
 * distance (a typo: "Germny" gives "Germany"), or NULL; static. */
AIDSTAT_API const char *aidstat_country_suggest(const char *name);
/** "Did you mean ...?": the candidate closest to s by edit distance (case
 * and accents folded), if close enough to be a typo, else NULL. Returns
 * one of candidates (NULL entries are skipped). */
AIDSTAT_API const char *aidstat_suggest(const char *s, const char *const *candidates, size_t n);

/* ------------------------------------------------------------- units */

/** "€", "$" or "£" for EUR, USD and GBP; NULL for any other currency
 * (write its code). The one table of symbols. */
AIDSTAT_API const char *aidstat_currency_symbol(const char *currency);
/** The scale amounts up to maxabs are shown in: 1e9 from a billion, 1e6
 * from a million, else 1. The one rule every output follows. */
AIDSTAT_API double aidstat_scale_pick(double maxabs);
/** The scale of amounts in currency up to maxabs: SIPRI's TIVs always in
 * millions, as SIPRI states them; money as aidstat_scale_pick. */
AIDSTAT_API double aidstat_scale_pick_for(const char *currency, double maxabs);
/** A scale's word: "bn", "m", "k" or "" (long_form: "billion", "million",
 * "thousand", ""). */
AIDSTAT_API const char *aidstat_scale_word(double scale, bool long_form);

/* ------------------------------------------------------------------ filter */

/** A record filter: donors, regions, types, measures and a period range.
 * An empty filter matches everything. */
typedef struct aidstat_filter aidstat_filter_t;

AIDSTAT_API aidstat_filter_t *aidstat_filter_new(void);
AIDSTAT_API void aidstat_filter_free(aidstat_filter_t *f);
/** Restrict to a donor by code or by any of its names in the country table
 * (case and accents do not count: "Türkiye" finds "Turkiye"); a name the
 * table does not know is compared with the records' donor names. May be
 * repeated. */
AIDSTAT_API void aidstat_filter_add_donor(aidstat_filter_t *f, const char *name_or_code);
/** The donors given to the filter, as given, in order. */
AIDSTAT_API size_t aidstat_filter_donor_count(const aidstat_filter_t *f);
AIDSTAT_API const char *aidstat_filter_donor(const aidstat_filter_t *f, size_t i);
/** How many records aidstat_filter_match has seen from donor i (whatever
 * the other criteria): 0 after a load means the name matches nothing. */
AIDSTAT_API uint64_t aidstat_filter_donor_hits(const aidstat_filter_t *f, size_t i);
/** Whether donor i is a code or a name of the country table. */
AIDSTAT_API bool aidstat_filter_donor_known(const aidstat_filter_t *f, size_t i);
/** Restrict to members of group i of regions (borrowed; must outlive f). */
AIDSTAT_API void aidstat_filter_add_region(aidstat_filter_t *f, const aidstat_regions_t *regions, size_t i);
/** Restrict to a recipient by name (case-insensitive); may be repeated. */
AIDSTAT_API void aidstat_filter_add_recipient(aidstat_filter_t *f, const char *name);
AIDSTAT_API void aidstat_filter_add_type(aidstat_filter_t *f, aidstat_type_t t);
AIDSTAT_API void aidstat_filter_add_measure(aidstat_filter_t *f, aidstat_measure_t m);
/** Inclusive bounds; month 0 means the whole year (from: January, to: December). */
AIDSTAT_API void aidstat_filter_set_from(aidstat_filter_t *f, int year, int month);
AIDSTAT_API void aidstat_filter_set_to(aidstat_filter_t *f, int year, int month);
/** Whether rec passes the filter. Counts the record for each of the
 * filter's donors it belongs to (aidstat_filter_donor_hits): a filter is
 * not to be shared between threads. */
AIDSTAT_API bool aidstat_filter_match(const aidstat_filter_t *f, const aidstat_record_t *rec);
/** Whether the filter restricts types / measures, and to which. */
AIDSTAT_API bool aidstat_filter_has_type(const aidstat_filter_t *f, aidstat_type_t t);
AIDSTAT_API bool aidstat_filter_types_set(const aidstat_filter_t *f);
AIDSTAT_API bool aidstat_filter_has_measure(const aidstat_filter_t *f, aidstat_measure_t m);
AIDSTAT_API bool aidstat_filter_measures_set(const aidstat_filter_t *f);
/** The filter's period bounds as given (0 where open; month 0 for a bare year). */
AIDSTAT_API void aidstat_filter_get_period(const aidstat_filter_t *f, int *from_year, int *from_month,
                                           int *to_year, int *to_month);
/** Add one field of a selection written as text, the one parser behind the
 * command line's options and a report's keys: key "type", "measure",
 * "donor", "recipient", "region", "from" or "to"; value a comma-separated
 * list ("military,financial"; blanks around items and empty items are
 * ignored). A donor or recipient value with ", " in it is one name
 * ("Korea, Republic of"). "region" needs regions (borrowed; must outlive f).
 * Errors (AIDSTAT_ERR_USAGE) name the key and the value it does not know. */
AIDSTAT_API aidstat_status_t aidstat_filter_add_text(aidstat_filter_t *f, const char *key, const char *value,
                                                     const aidstat_regions_t *regions, aidstat_error_t *err);
/** A whole selection as text: "type=military,financial,donor=DEU,from=2023".
 * An item with "=" starts a key; items without continue its list. */
AIDSTAT_API aidstat_status_t aidstat_filter_parse(aidstat_filter_t *f, const char *text,
                                                  const aidstat_regions_t *regions, aidstat_error_t *err);
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
    AIDSTAT_KEY_MONTH,
    AIDSTAT_KEY_SOURCING /**< how military aid was sourced: the parts of a sourcing split */
} aidstat_key_t;

/** Parse "donor", "region", ... into *out; AIDSTAT_ERR_USAGE when unknown. */
AIDSTAT_API aidstat_status_t aidstat_key_parse(const char *s, aidstat_key_t *out);
AIDSTAT_API const char *aidstat_key_name(aidstat_key_t k);

typedef enum { AIDSTAT_SORT_DEFAULT = 0, AIDSTAT_SORT_VALUE, AIDSTAT_SORT_NAME } aidstat_sort_t;
typedef enum {
    AIDSTAT_PER_NONE = 0,
    AIDSTAT_PER_GDP,    /**< percent of the donor's GDP */
    AIDSTAT_PER_CAPITA, /**< per person of the donor's population */
    AIDSTAT_PER_MILEX   /**< percent of the donor's military expenditure (a table) */
} aidstat_per_t;

/** What a row's value is, over its records. */
typedef enum {
    AIDSTAT_STAT_SUM = 0,
    AIDSTAT_STAT_COUNT,
    AIDSTAT_STAT_MEAN,
    AIDSTAT_STAT_MEDIAN,
    AIDSTAT_STAT_MIN,
    AIDSTAT_STAT_MAX,
    AIDSTAT_STAT_SD /**< sample standard deviation */
} aidstat_stat_t;

/** Parse "sum", "count", "mean", "median", "min", "max", "sd" into *out;
 * AIDSTAT_ERR_USAGE when unknown. */
AIDSTAT_API aidstat_status_t aidstat_stat_parse(const char *s, aidstat_stat_t *out);
AIDSTAT_API const char *aidstat_stat_name(aidstat_stat_t s);

struct aidstat_normalize;
struct aidstat_concentration;
struct _cairo;
struct aidstat_reftable;
struct aidstat_rates;

typedef struct {
    size_t
        size; /**< sizeof the struct, set by aidstat_compare_options_init: lets later versions add fields */
    aidstat_key_t by[2];              /**< row key and optional column key */
    const aidstat_filter_t *filter;   /**< borrowed; NULL = everything */
    const aidstat_regions_t *regions; /**< borrowed; needed for AIDSTAT_KEY_REGION */
    size_t top;                       /**< keep the top N rows, fold the rest into "Others"; 0 = all */
    aidstat_sort_t sort;
    aidstat_per_t per;
    aidstat_stat_t stat;                       /**< sum by default; others need one key */
    bool cumulative;                           /**< running totals in period order (time keys) */
    const struct aidstat_normalize *normalize; /**< restate values (currency, prices); NULL = as loaded */
    /** GDP for AIDSTAT_PER_GDP from a table instead of the data's own
     * column, in gdp_year (0 = the selection's last year, or the latest
     * before it that the table has); gdp_rates converts the table's
     * currency when it differs from the data's. */
    const struct aidstat_reftable *gdp;
    int gdp_year;
    const struct aidstat_rates *gdp_rates;
    const struct aidstat_reftable *population; /**< for AIDSTAT_PER_CAPITA */
    /** Military expenditure for AIDSTAT_PER_MILEX (a table of kind
     * AIDSTAT_REF_MILEX in money), in milex_year chosen as gdp_year is;
     * gdp_rates converts its currency as it does the GDP table's. */
    const struct aidstat_reftable *milex;
    int milex_year;
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
AIDSTAT_API void aidstat_compare_add_load_report(aidstat_compare_t *c, const aidstat_load_report_t *r);

/** A caveat that qualifies the figures (e.g. how they were restated),
 * carried into the result's notes. */
AIDSTAT_API void aidstat_compare_add_caveat(aidstat_compare_t *c, const char *caveat);

/** The finished comparison: rows (key 1), columns (key 2), cells. */
typedef struct aidstat_result aidstat_result_t;

/** Finish: pick the measure, check currencies, sort, rank, fold "Others".
 * Errors: AIDSTAT_ERR_EMPTY when nothing matched; AIDSTAT_ERR_DATA for mixed
 * measures or currencies, or --per gdp without GDP. */
AIDSTAT_API aidstat_result_t *aidstat_compare_finish(aidstat_compare_t *c, aidstat_error_t *err);
AIDSTAT_API void aidstat_result_free(aidstat_result_t *r);

/** How aidstat_result_csv writes text cells. */
enum {
    /** Write text starting with = + - @ as it is (default: prefix an
     * apostrophe, so that a spreadsheet shows it instead of running it). */
    AIDSTAT_CSV_FORMULAS = 1 << 0,
};
/** The comparison as CSV (sep ',') or TSV (sep '\t'), one line per row:
 * rank, the key (and the donor's code), the columns, value, share and
 * cumulative share written exactly, then measure, type, unit, price
 * basis, period and source. This is what reports attach to each figure
 * and table. flags: AIDSTAT_CSV_*. Returns the text, newly allocated
 * (free with aidstat_free); its length in *len when len is not NULL. */
AIDSTAT_API char *aidstat_result_csv(const aidstat_result_t *r, char sep, unsigned flags, size_t *len);
/** One text cell as aidstat_result_csv writes it: quoted when it holds a
 * comma, quote or line break (sep ','), tabs and line breaks as spaces
 * (sep '\t'), an apostrophe before a formula unless AIDSTAT_CSV_FORMULAS.
 * Newly allocated (free with aidstat_free). */
AIDSTAT_API char *aidstat_csv_cell(const char *s, char sep, unsigned flags);

AIDSTAT_API aidstat_key_t aidstat_result_key(const aidstat_result_t *r, int which);
AIDSTAT_API size_t aidstat_result_rows(const aidstat_result_t *r);
AIDSTAT_API const char *aidstat_result_row_label(const aidstat_result_t *r, size_t i);
/** The donor code of a row when rows are donors ("" otherwise). */
AIDSTAT_API const char *aidstat_result_row_code(const aidstat_result_t *r, size_t i);
/** Whether row i is the folded "Others" row, and how many groups it holds. */
AIDSTAT_API bool aidstat_result_row_is_others(const aidstat_result_t *r, size_t i, size_t *n);
/** The row's value: base units, or percent of GDP with AIDSTAT_PER_GDP
 * (NaN when the donor has no GDP), or of military expenditure with
 * AIDSTAT_PER_MILEX. */
AIDSTAT_API double aidstat_result_value(const aidstat_result_t *r, size_t i);
/** Share of the total in [0,1], NaN where a share means nothing. */
AIDSTAT_API double aidstat_result_share(const aidstat_result_t *r, size_t i);
AIDSTAT_API double aidstat_result_cumulative_share(const aidstat_result_t *r, size_t i);
/** 1-based rank by value; 0 for "Others" or where ranks mean nothing. */
AIDSTAT_API size_t aidstat_result_rank(const aidstat_result_t *r, size_t i);
/** For AIDSTAT_PER_GDP (and the other --per): the row's absolute value and
 * the GDP (population, military expenditure) it is divided by, in the
 * data's currency. */
AIDSTAT_API double aidstat_result_absolute(const aidstat_result_t *r, size_t i);
AIDSTAT_API double aidstat_result_gdp(const aidstat_result_t *r, size_t i);
/** Columns (key 2); 0 when comparing by one key. */
AIDSTAT_API size_t aidstat_result_cols(const aidstat_result_t *r);
AIDSTAT_API const char *aidstat_result_col_label(const aidstat_result_t *r, size_t j);
AIDSTAT_API double aidstat_result_cell(const aidstat_result_t *r, size_t i, size_t j);
AIDSTAT_API double aidstat_result_col_total(const aidstat_result_t *r, size_t j);
/** Concentration of the rows' values before any folding into "Others"
 * (donors, sums, no --per): false when it does not apply. */
AIDSTAT_API bool aidstat_result_concentration(const aidstat_result_t *r, struct aidstat_concentration *out);
AIDSTAT_API aidstat_stat_t aidstat_result_stat(const aidstat_result_t *r);
AIDSTAT_API bool aidstat_result_cumulative(const aidstat_result_t *r);
/** How values were restated ("" when not), e.g. "converted to USD at ...". */
AIDSTAT_API const char *aidstat_result_basis(const aidstat_result_t *r);
/** With measures as columns (--by KEY,measure): allocations as a share of
 * commitments for row i (0..1, may exceed 1), or for the total row when i
 * is (size_t)-1; NaN otherwise. */
AIDSTAT_API double aidstat_result_allocated_share(const aidstat_result_t *r, size_t i);
/* ---------------------------------------------------------------- pipeline */

/** The aid pipeline: commitments, then allocations, then deliveries, as far
 * as a comparison with measures as columns (rows by donor, region or period,
 * running totals too) has them. Stage k's pending amount is stage k minus
 * stage k+1 ("Committed, not yet allocated"). Errors: not measures as
 * columns, not sums of money, or fewer than two of the three stages.
 * The result r is borrowed and must outlive the pipeline; free with
 * aidstat_pipeline_free(). */
typedef struct aidstat_pipeline aidstat_pipeline_t;
AIDSTAT_API aidstat_pipeline_t *aidstat_pipeline_new(const aidstat_result_t *r, aidstat_error_t *err);
AIDSTAT_API void aidstat_pipeline_free(aidstat_pipeline_t *p);
/** The stages the data has (2 or 3), in order, and stage k's measure. */
AIDSTAT_API size_t aidstat_pipeline_stages(const aidstat_pipeline_t *p);
AIDSTAT_API aidstat_measure_t aidstat_pipeline_stage(const aidstat_pipeline_t *p, size_t k);
/** Row i's amount at stage k, in base units; the total row for i = (size_t)-1. */
AIDSTAT_API double aidstat_pipeline_value(const aidstat_pipeline_t *p, size_t i, size_t k);
/** Stage k minus stage k+1 for row i (negative where more passed on than
 * the row recorded at stage k); NaN for the last stage. */
AIDSTAT_API double aidstat_pipeline_pending(const aidstat_pipeline_t *p, size_t i, size_t k);
/** "Committed, not yet allocated" for stage k; NULL for the last stage. */
AIDSTAT_API const char *aidstat_pipeline_pending_label(const aidstat_pipeline_t *p, size_t k);
/** The last stage as a share of the first (0..1, may exceed 1); NaN when
 * the first is not positive. */
AIDSTAT_API double aidstat_pipeline_passed(const aidstat_pipeline_t *p, size_t i);

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
/** The unit of the values for machines (CSV and JSON): "EUR", "% of GDP",
 * "% of military expenditure", "EUR per person", "records". Written into
 * buf (of len bytes) when it has to be made up; returns it or a constant. */
AIDSTAT_API const char *aidstat_result_unit_code(const aidstat_result_t *r, char *buf, size_t len);
/** Period covered by the matched records (0 = unknown). */
AIDSTAT_API void aidstat_result_period(const aidstat_result_t *r, int *y0, int *m0, int *y1, int *m1);
/** "Kiel Institute, Ukraine Support Tracker, Release 29 (04/2026)"; several joined by "; ". */
AIDSTAT_API const char *aidstat_result_source(const aidstat_result_t *r);
AIDSTAT_API const char *aidstat_result_filter(const aidstat_result_t *r);
AIDSTAT_API uint64_t aidstat_result_records(const aidstat_result_t *r);
AIDSTAT_API uint64_t aidstat_result_rows_read(const aidstat_result_t *r);
AIDSTAT_API uint64_t aidstat_result_rows_rejected(const aidstat_result_t *r);
/** Notes for the footer ("EU (Commission and Council): no GDP in the data"),
 * in neutral English that names no command-line option. */
AIDSTAT_API size_t aidstat_result_note_count(const aidstat_result_t *r);
AIDSTAT_API const char *aidstat_result_note(const aidstat_result_t *r, size_t i);
/** What a note says, for a front-end that words it itself (a table with
 * a total and shares, a chart without them, a command line that names its
 * options). Parameters: aidstat_result_note_count_param (0, 1) and
 * aidstat_result_note_subject. */
typedef enum {
    AIDSTAT_NOTE_TEXT = 0,        /**< a statement: the text says it all */
    AIDSTAT_NOTE_NOT_SHOWN,       /**< param 0 rows after the first param 1 are not shown;
                                       subject "rows" or "groups" */
    AIDSTAT_NOTE_SHARES_OVERLAP,  /**< the row groups share donors (subject: some of them),
                                       so their shares of the total do not add up to 100 % */
    AIDSTAT_NOTE_COLUMNS_OVERLAP, /**< the column groups share donors (subject: some of them) */
    AIDSTAT_NOTE_OUTSIDE_GROUPS,  /**< param 0 donors belong to none of the groups */
    AIDSTAT_NOTE_RANKED_BY,       /**< rows are ranked by one measure column (subject) */
    AIDSTAT_NOTE_NO_RATIO,        /**< rows without a denominator (subject: "no GDP in the
                                       table for X"): n/a, left out of the total */
    AIDSTAT_NOTE_SIZE_UNKNOWN     /**< param 0 orders of unknown size are counted as 0
                                       (AIDSTAT_RECORD_SIZE_UNKNOWN; subject: the unit, "TIV") */
} aidstat_note_t;
AIDSTAT_API aidstat_note_t aidstat_result_note_code(const aidstat_result_t *r, size_t i);
AIDSTAT_API size_t aidstat_result_note_count_param(const aidstat_result_t *r, size_t i, int k);
AIDSTAT_API const char *aidstat_result_note_subject(const aidstat_result_t *r, size_t i);
/** Whether two of the groups shown (rows or columns by region) share a
 * donor with records, so that they are no parts of one whole. */
AIDSTAT_API bool aidstat_result_groups_overlap(const aidstat_result_t *r);
/** Why there is no concentration (aidstat_result_concentration false):
 * "" when it does not apply to the result at all. */
AIDSTAT_API const char *aidstat_result_concentration_why(const aidstat_result_t *r);

/* -------------------------------------------------------------------- diff */

/** What became of a row between two releases. */
typedef enum {
    AIDSTAT_DIFF_SAME = 0, /**< the same value in both (within rounding) */
    AIDSTAT_DIFF_REVISED,  /**< present in both, value changed */
    AIDSTAT_DIFF_ADDED,    /**< only in the new file */
    AIDSTAT_DIFF_REMOVED   /**< only in the old file */
} aidstat_diff_status_t;

/** "same", "revised", "added", "removed". */
AIDSTAT_API const char *aidstat_diff_status_name(aidstat_diff_status_t s);

/** One row of a diff: a donor (or a group of donors) x type x measure.
 * old_value and new_value cover the periods both files cover (records
 * without a date are counted there too); what one file has for periods
 * the other does not cover is kept apart in new_periods / old_periods,
 * so a revision is never confused with data for new months. Values are
 * in base units of the currency. */
typedef struct {
    const char *label;   /**< donor name as the new file spells it (else the old), or group name */
    const char *code;    /**< donor code ("" when none); group identifier for group rows */
    bool group;          /**< a group total (a region, or all donors) rather than a donor */
    aidstat_type_t type; /**< AIDSTAT_TYPE_TOTAL for all types together */
    aidstat_measure_t measure;
    double old_value, new_value;
    double change;      /**< new_value - old_value */
    double pct_change;  /**< change / old_value (a fraction); NaN when old_value is 0 */
    double new_periods; /**< the new file's value in periods the old one does not cover */
    double old_periods; /**< the old file's value in periods the new one does not cover */
    aidstat_diff_status_t status;
} aidstat_diff_row_t;

typedef struct {
    size_t size; /**< sizeof the struct, set by aidstat_diff_options_init: lets later versions add fields */
    const aidstat_filter_t *filter;   /**< borrowed; NULL = everything */
    const aidstat_regions_t *regions; /**< borrowed; groups to total; NULL = no group rows */
} aidstat_diff_options_t;

AIDSTAT_API void aidstat_diff_options_init(aidstat_diff_options_t *opt);

/** What changed between two versions of a dataset (OLD and NEW), in any
 * formats aidstat reads. Feed each file's records to its side, then
 * finish. Memory grows with donors x types x measures x periods. */
typedef struct aidstat_diff aidstat_diff_t;

/** The options (and what they borrow) must outlive the object. */
AIDSTAT_API aidstat_diff_t *aidstat_diff_new(const aidstat_diff_options_t *opt, aidstat_error_t *err);
AIDSTAT_API void aidstat_diff_free(aidstat_diff_t *d);
/** aidstat_record_fn's for the old and the new file (user data: the diff). */
AIDSTAT_API int aidstat_diff_add_old(const aidstat_record_t *rec, void *diff);
AIDSTAT_API int aidstat_diff_add_new(const aidstat_record_t *rec, void *diff);
/** Account for a load (which: 0 old, 1 new): file name, rows read and rejected. */
AIDSTAT_API void aidstat_diff_add_load_report(aidstat_diff_t *d, int which, const aidstat_load_report_t *r);
/** Name a side in messages when its records do not come from a load
 * ("the report's data"). */
AIDSTAT_API void aidstat_diff_set_file(aidstat_diff_t *d, int which, const char *name);
/** Compare. Errors: AIDSTAT_ERR_EMPTY when a side matched no records;
 * AIDSTAT_ERR_DATA when the files come from different sources, are in
 * different currencies or units, or share no measure. Measures only one
 * file has are left out and named in a note. A measure one file gives
 * only as a total over types is compared over all types. */
AIDSTAT_API aidstat_status_t aidstat_diff_finish(aidstat_diff_t *d, aidstat_error_t *err);
/** Donor rows: by measure; donors by the size of their all-types change,
 * largest first; for each donor all types first, then each type. */
AIDSTAT_API size_t aidstat_diff_rows(const aidstat_diff_t *d);
AIDSTAT_API const aidstat_diff_row_t *aidstat_diff_row(const aidstat_diff_t *d, size_t i);
/** Group rows (each region with a donor in either file, then all donors),
 * by measure; all types first, then each type. */
AIDSTAT_API size_t aidstat_diff_groups(const aidstat_diff_t *d);
AIDSTAT_API const aidstat_diff_row_t *aidstat_diff_group(const aidstat_diff_t *d, size_t i);
/** Donors with records in only one file (which: 0 removed, in the old one
 * only; 1 added, in the new one only), by name. */
AIDSTAT_API size_t aidstat_diff_donor_count(const aidstat_diff_t *d, int which);
AIDSTAT_API const char *aidstat_diff_donor(const aidstat_diff_t *d, int which, size_t i);
/** Each side's file, source with release, and period covered (which: 0
 * old, 1 new); the periods both cover (0 when they share none). */
AIDSTAT_API const char *aidstat_diff_file(const aidstat_diff_t *d, int which);
AIDSTAT_API const char *aidstat_diff_source(const aidstat_diff_t *d, int which);
AIDSTAT_API void aidstat_diff_period(const aidstat_diff_t *d, int which, int *y0, int *m0, int *y1, int *m1);
AIDSTAT_API void aidstat_diff_common_period(const aidstat_diff_t *d, int *y0, int *m0, int *y1, int *m1);
AIDSTAT_API const char *aidstat_diff_currency(const aidstat_diff_t *d);
/** The selection's description ("" when none). */
AIDSTAT_API const char *aidstat_diff_filter(const aidstat_diff_t *d);
/** Whether measure m was compared (both files have it). */
AIDSTAT_API bool aidstat_diff_has_measure(const aidstat_diff_t *d, aidstat_measure_t m);
/** Notes: measures left out, types not split, undated records. */
AIDSTAT_API size_t aidstat_diff_note_count(const aidstat_diff_t *d);
AIDSTAT_API const char *aidstat_diff_note(const aidstat_diff_t *d, size_t i);

/* --------------------------------------------------------- EU attribution */

/** An EU attribution key: each EU member's share of the aid given through
 * an EU body. The Kiel tracker's eu_aid_shares.csv keys the EU institutions
 * (code "EU"; its eu_share_bn figures are taken as weights); the release-7
 * workbook's sheets "EU aid shares", "EPF aid shares" and "EIB aid shares"
 * key the EU institutions, the European Peace Facility ("EPF") and the
 * European Investment Bank ("EIB"), each by its own shares. A key is made
 * of one part per body; members are listed part after part. */
typedef struct aidstat_eukey aidstat_eukey_t;

/** Load a key from the tracker's eu_aid_shares.csv or from a Kiel workbook
 * (.xlsx; its three share sheets). Errors: the file is not such a file, a
 * member without a code or a positive share, a member named twice, a
 * sheet missing, a sheet's shares not summing to 1 beyond rounding, a
 * member in one sheet missing from another. */
AIDSTAT_API aidstat_eukey_t *aidstat_eukey_load_file(const char *path, aidstat_error_t *err);
/** Release 29's key, shipped with the embedded dataset (datasets/README.md). */
AIDSTAT_API aidstat_eukey_t *aidstat_eukey_load_default(aidstat_error_t *err);
/** The data file's own key: a workbook's share sheets. NULL with err's
 * code AIDSTAT_OK when the file brings none (not a workbook, or no sheet
 * "EU aid shares"); NULL with err filled when its sheets are faulty. */
AIDSTAT_API aidstat_eukey_t *aidstat_eukey_load_own(const char *data_path, aidstat_error_t *err);
/** The key that belongs to the data file data_path: its own share sheets
 * when it is a workbook that has them, otherwise Release 29's key (as
 * aidstat_eukey_load_default; data_path NULL means the embedded data). */
AIDSTAT_API aidstat_eukey_t *aidstat_eukey_load_for(const char *data_path, aidstat_error_t *err);
AIDSTAT_API void aidstat_eukey_free(aidstat_eukey_t *k);
/** Members over all parts. */
AIDSTAT_API size_t aidstat_eukey_count(const aidstat_eukey_t *k);
/** Member i: name, code (may be NULL) and share of its part (0..1; may be NULL). */
AIDSTAT_API const char *aidstat_eukey_member(const aidstat_eukey_t *k, size_t i, const char **code,
                                             double *share);
/** The code of the EU body whose part member i belongs to ("EU", "EPF", "EIB"). */
AIDSTAT_API const char *aidstat_eukey_member_body(const aidstat_eukey_t *k, size_t i);
/** Parts: the EU bodies the key attributes, in the key's order. */
AIDSTAT_API size_t aidstat_eukey_body_count(const aidstat_eukey_t *k);
/** Part i's body code; total (may be NULL) = its figures summed (base units). */
AIDSTAT_API const char *aidstat_eukey_body(const aidstat_eukey_t *k, size_t i, double *total);
/** The measure whose EU-body figures the key's totals share out (the
 * CSV key: allocations; the workbook: commitments). */
AIDSTAT_API aidstat_measure_t aidstat_eukey_measure(const aidstat_eukey_t *k);
/** The key's figures summed over all parts (base units). */
AIDSTAT_API double aidstat_eukey_total(const aidstat_eukey_t *k);
/** "Release 29 (04/2026), eu_aid_shares.csv" */
AIDSTAT_API const char *aidstat_eukey_describe(const aidstat_eukey_t *k);

/** A record filter that attributes the aid of the EU bodies the key has
 * parts for (records with code "EU", "EPF", "EIB") to the members: every
 * other record goes on to fn unchanged as it arrives; the EU bodies'
 * records are held, and at finish each is sent on as one record per member
 * of its body's part with the member's share of its value, the member's
 * name as the data spells it and its GDP from the data. The grand total is
 * unchanged; every type, measure and month is shared out by the same key
 * (an assumption, which aidstat_attribution_describe states). */
typedef struct aidstat_attribution aidstat_attribution_t;

/** key and regions (for the EU27 group, to find members missing from the
 * key; NULL skips that check) are borrowed. */
AIDSTAT_API aidstat_attribution_t *aidstat_attribution_new(const aidstat_eukey_t *key,
                                                           const aidstat_regions_t *regions,
                                                           aidstat_record_fn fn, void *user);
AIDSTAT_API void aidstat_attribution_free(aidstat_attribution_t *a);
/** An aidstat_record_fn with the attribution as user data. */
AIDSTAT_API int aidstat_attribution_add(const aidstat_record_t *rec, void *attr);
/** Check the key fits the data and send the attributed records on. Errors
 * (AIDSTAT_ERR_DATA): EU members with aid in the data missing from a part;
 * a part that does not sum to its body's figures of the key's measure in
 * the data beyond the rounding of the figures (a key of another release). */
AIDSTAT_API aidstat_status_t aidstat_attribution_finish(aidstat_attribution_t *a, aidstat_error_t *err);
/** For outputs: "including attributed EU aid: ..." (after finish). */
AIDSTAT_API const char *aidstat_attribution_describe(const aidstat_attribution_t *a);

/* ------------------------------------------------------- weapon counts */

/** Item counts: how many units of each heavy weapon a donor committed and
 * delivered (the release-7 workbook's sheets "Committed weapons" and
 * "Delivered weapons"). Counts are not money and carry no date, so they
 * are a table of their own, not records. */
typedef struct aidstat_counts aidstat_counts_t;

typedef enum {
    AIDSTAT_COUNT_COMMITTED = 0,
    AIDSTAT_COUNT_DELIVERED,
} aidstat_count_stage_t;

typedef struct {
    const char *donor;    /**< as the country table names it ("Czechia") */
    const char *code;     /**< its code ("CZE"; "EPF" for the European Peace Facility) */
    const char *item;     /**< "Panzerhaubitze 2000" */
    const char *category; /**< the sheet's type: "Howitzer", "Tank", "MLRS", ... */
    aidstat_count_stage_t stage;
    double count; /**< units, > 0 (cells of 0 are not kept) */
} aidstat_count_t;

/** Read the counts of a Kiel workbook. Errors: not a workbook, a sheet
 * missing, no donor columns, a count that is not a whole number >= 0, a
 * donor the country table does not know. Quirks are kept as notes (an item
 * committed but absent from the delivered sheet; a "Total Number" cell that
 * is not the donors' sum). */
AIDSTAT_API aidstat_counts_t *aidstat_counts_load_file(const char *path, aidstat_error_t *err);
AIDSTAT_API void aidstat_counts_free(aidstat_counts_t *c);
AIDSTAT_API size_t aidstat_counts_size(const aidstat_counts_t *c);
/** Count i; its strings live as long as c. */
AIDSTAT_API const aidstat_count_t *aidstat_counts_get(const aidstat_counts_t *c, size_t i);
/** "Kiel Institute, Ukraine Support Tracker, 7th release" */
AIDSTAT_API const char *aidstat_counts_source(const aidstat_counts_t *c);
AIDSTAT_API size_t aidstat_counts_note_count(const aidstat_counts_t *c);
AIDSTAT_API const char *aidstat_counts_note(const aidstat_counts_t *c, size_t i);

/** Committed against delivered units per donor (src/stats/heavy.c). */
typedef struct {
    const char *donor, *code; /**< "All donors" and "" for the total row */
    double committed, delivered;
    double share; /**< delivered / committed; NaN when none committed */
} aidstat_heavy_row_t;

typedef struct aidstat_heavy aidstat_heavy_t;

/** Per donor that f matches (by donor and region; NULL = all) and, with
 * category non-NULL, only items of that category ("Tank"): committed and
 * delivered units and the share delivered, donors by units committed
 * (most first, then name), then the total row. Errors: AIDSTAT_ERR_EMPTY
 * when nothing matches. */
AIDSTAT_API aidstat_heavy_t *aidstat_heavy_by_donor(const aidstat_counts_t *c, const aidstat_filter_t *f,
                                                    const char *category, aidstat_error_t *err);
AIDSTAT_API void aidstat_heavy_free(aidstat_heavy_t *h);
/** Rows, the total row last. */
AIDSTAT_API size_t aidstat_heavy_rows(const aidstat_heavy_t *h);
AIDSTAT_API const aidstat_heavy_row_t *aidstat_heavy_row(const aidstat_heavy_t *h, size_t i);

/* ---------------------------------------------------------- statistics */

/** Ordinary least squares of y on x (GSL gsl_fit_linear) with the usual
 * inference. x counts periods (0, 1, 2, ...); periods_per_year (12 for
 * months, 4 for quarters, 1 for years) turns slopes into slopes per year. */
typedef struct {
    size_t n;
    double intercept, slope;       /**< y = intercept + slope * x */
    double se_intercept, se_slope; /**< standard errors */
    double cov_intercept_slope;    /**< covariance of the two estimates */
    double t_crit;                 /**< Student t quantile 0.975 with n - 2 degrees of freedom */
    double slope_lo, slope_hi;     /**< 95 % confidence interval of the slope */
    double r2;                     /**< coefficient of determination */
    double p_value;                /**< two-sided, null hypothesis slope = 0 */
    double resid_sd;               /**< residual standard deviation, sqrt(SSE / (n - 2)) */
    double ss_regression, ss_residual, f_stat;
    double periods_per_year;
    double slope_per_year, slope_per_year_lo, slope_per_year_hi;
} aidstat_trend_t;

/** Fit a trend. Errors (AIDSTAT_ERR_DATA): fewer than 3 points, x constant,
 * a NaN or infinite value. */
AIDSTAT_API aidstat_status_t aidstat_trend_fit(const double *x, const double *y, size_t n,
                                               double periods_per_year, aidstat_trend_t *out,
                                               aidstat_error_t *err);
/** The fitted value at x and the 95 % prediction interval for a new
 * observation there: a linear extrapolation, nothing more. */
AIDSTAT_API void aidstat_trend_predict(const aidstat_trend_t *t, double x, double *y, double *lo, double *hi);
/** A forecast at x: aidstat_trend_predict, and, for a quantity that cannot
 * be negative (aid amounts; nonnegative true), the value and its interval
 * bounded at zero. Returns true when the bound changed the value or the low
 * end, so that the caller can say so. */
AIDSTAT_API bool aidstat_trend_forecast(const aidstat_trend_t *t, double x, bool nonnegative, double *y,
                                        double *lo, double *hi);

/** Log-linear growth: OLS of ln(y) on x. */
typedef struct {
    size_t n;
    double rate;             /**< % per year: (exp(slope * periods_per_year) - 1) * 100 */
    double rate_lo, rate_hi; /**< its 95 % confidence interval, from the slope's */
    double r2;               /**< of the log fit */
    aidstat_trend_t log_fit; /**< the fit of ln(y) on x */
} aidstat_growth_t;

/** Errors (AIDSTAT_ERR_DATA) as aidstat_trend_fit, and a value <= 0. */
AIDSTAT_API aidstat_status_t aidstat_growth_fit(const double *x, const double *y, size_t n,
                                                double periods_per_year, aidstat_growth_t *out,
                                                aidstat_error_t *err);
/** Compound annual growth from v0 to v1 over years: (v1 / v0)^(1 / years) - 1,
 * a fraction; NaN unless v0 > 0, v1 >= 0 and years > 0. */
AIDSTAT_API double aidstat_cagr(double v0, double v1, double years);

/** Distribution of a set of values. */
typedef struct {
    size_t n;
    double sum, mean, median, min, max;
    double sd;               /**< sample standard deviation (n - 1); NaN when n < 2 */
    double p10, q1, q3, p90; /**< quantiles as aidstat_quantile */
} aidstat_summary_t;

/** Errors (AIDSTAT_ERR_DATA): n = 0, a NaN or infinite value. */
AIDSTAT_API aidstat_status_t aidstat_summary_compute(const double *v, size_t n, aidstat_summary_t *out,
                                                     aidstat_error_t *err);
/** Quantile q (0..1) of n values, GSL's definition (linear interpolation
 * between order statistics); v need not be sorted. NaN when n = 0. */
AIDSTAT_API double aidstat_quantile(const double *v, size_t n, double q);

/** How concentrated a total is among groups (donors). */
typedef struct aidstat_concentration {
    size_t n; /**< groups */
    double total;
    double hhi;                     /**< Herfindahl–Hirschman index of the shares in percent, 0..10000 */
    double gini;                    /**< Gini coefficient of the values, 0 (all equal) .. (n - 1) / n */
    double top1, top3, top5, top10; /**< share of the largest 1, 3, 5, 10 groups, 0..1 */
} aidstat_concentration_t;

/** Errors (AIDSTAT_ERR_DATA): n = 0, a negative or non-finite value, a zero total. */
AIDSTAT_API aidstat_status_t aidstat_concentration_compute(const double *v, size_t n,
                                                           aidstat_concentration_t *out,
                                                           aidstat_error_t *err);
/** Share of the total held by the k largest values (all of them when k >= n). */
AIDSTAT_API double aidstat_top_share(const double *v, size_t n, size_t k);
/** Lorenz curve: n + 1 points from (0, 0) to (1, 1), values in ascending
 * order; x (share of groups) and y (share of the total) hold n + 1 each. */
AIDSTAT_API aidstat_status_t aidstat_lorenz(const double *v, size_t n, double *x, double *y,
                                            aidstat_error_t *err);

/** Running total: out[i] = in[0] + ... + in[i] (in and out may be the same). */
AIDSTAT_API void aidstat_cumulative(const double *in, size_t n, double *out);
/** Trailing moving average over window values; the first window - 1 are NaN. */
AIDSTAT_API void aidstat_moving_average(const double *in, size_t n, size_t window, double *out);
/** Change from lag periods before: absolute, and percent (NaN where the
 * earlier value is 0 or there is none). Either output may be NULL. */
AIDSTAT_API void aidstat_change(const double *in, size_t n, size_t lag, double *abs, double *pct);

/* ------------------------------------------------------ reference tables */

/** Values by country and year (GDP, population, military expenditure) or
 * by year alone (a price deflator): World Bank style CSV (Country Name,
 * Country Code, Year, Value), any CSV with columns for code and/or name,
 * year, value, or (military expenditure) a sheet of SIPRI's workbook. */
typedef struct aidstat_reftable aidstat_reftable_t;
typedef struct aidstat_rates aidstat_rates_t;

typedef enum {
    AIDSTAT_REF_GDP = 0,    /**< GDP in a currency (World Bank: current US$) */
    AIDSTAT_REF_POPULATION, /**< people */
    AIDSTAT_REF_DEFLATOR,   /**< a price index by year (columns year, index) */
    /** Military expenditure: the SIPRI Military Expenditure Database
     * workbook (SIPRI-Milex-data-1949-2024.xlsx; money in US$ millions,
     * stored in dollars, or shares as fractions), or a CSV like a GDP
     * table's (values in base units, column value or milex) */
    AIDSTAT_REF_MILEX
} aidstat_ref_kind_t;

/** currency: the table's currency when it does not say (GDP and a
 * military expenditure CSV; NULL = "USD", the World Bank's). A workbook
 * (recognised by its first bytes, a zip archive) is read for
 * AIDSTAT_REF_MILEX only, from its sheet "Current US$". */
AIDSTAT_API aidstat_reftable_t *aidstat_reftable_load_file(const char *path, aidstat_ref_kind_t kind,
                                                           const char *currency, aidstat_error_t *err);
/** The same, reading a workbook's sheet (NULL = the kind's default; for
 * SIPRI's: "Current US$", "Constant (2023) US$", "Share of GDP", "Share of
 * Govt. spending" or "Per capita"). In SIPRI's sheets the header row is
 * the first whose first cell is "Country"; rows with a name and no year
 * values (region labels) are skipped and counted; "...", ". ." and "xxx"
 * are no value, counted; other non-numbers are errors pointing at
 * "book.xlsx:Sheet!C12". Countries are keyed by name and by an ISO 3166
 * alpha-3 code from a table of SIPRI's spellings ("Korea, South" is KOR;
 * "European Union" is EUU, the World Bank's code). A sheet given for a
 * CSV file is a usage error. */
AIDSTAT_API aidstat_reftable_t *aidstat_reftable_load_sheet(const char *path, aidstat_ref_kind_t kind,
                                                            const char *sheet, const char *currency,
                                                            aidstat_error_t *err);
AIDSTAT_API void aidstat_reftable_free(aidstat_reftable_t *t);
/** The value for a country (by code, else by name; both NULL for a
 * deflator) in year; NaN when absent. */
AIDSTAT_API double aidstat_reftable_get(const aidstat_reftable_t *t, const char *code, const char *name,
                                        int year);
/** The latest year with a value for the country, 0 if none. */
AIDSTAT_API int aidstat_reftable_latest_year(const aidstat_reftable_t *t, const char *code, const char *name);
/** The values' currency; "" when they are not money (population, a
 * deflator, shares, amounts per person). */
AIDSTAT_API const char *aidstat_reftable_currency(const aidstat_reftable_t *t);
/** For footers: "gdp.csv (GDP, USD, 1960–2023)"; for SIPRI's workbook
 * "SIPRI Military Expenditure Database (FILE, sheet "Current US$", USD,
 * current prices, 1949–2024)". */
AIDSTAT_API const char *aidstat_reftable_describe(const aidstat_reftable_t *t);
/** What the load found that is not an error (countries, region label
 * rows skipped, cells without a value by marker); none for CSV tables. */
AIDSTAT_API size_t aidstat_reftable_note_count(const aidstat_reftable_t *t);
AIDSTAT_API const char *aidstat_reftable_note(const aidstat_reftable_t *t, size_t i);

/* Exchange rates (aidstat_rates_t): the ECB reference-rate history (Date +
 * one column per currency, units per euro, newest first), the Federal
 * Reserve tables (Date, Country, rate: units per US dollar, also for
 * "Euro"), or a long CSV date,currency,per_eur. */

AIDSTAT_API aidstat_rates_t *aidstat_rates_load_file(const char *path, aidstat_error_t *err);
AIDSTAT_API void aidstat_rates_free(aidstat_rates_t *r);
/** Units of `to` for one unit of `from`: the ratio of the two currencies'
 * average rates over a month (month 1..12) or a year (month 0) of the
 * source's observations (not an average of daily cross rates); NaN when the
 * table has none for that period, and for months of a yearly-only table.
 * Equal currencies give 1. */
AIDSTAT_API double aidstat_rates_get(const aidstat_rates_t *r, const char *from, const char *to, int year,
                                     int month);
/** Every observation of units of `to` per unit of `from`, oldest first:
 * dates as year*10000 + month*100 + day (day or month 0 when the table is
 * monthly or yearly). Returns the count; free both arrays with aidstat_free. */
AIDSTAT_API size_t aidstat_rates_observations(const aidstat_rates_t *r, const char *from, const char *to,
                                              int **dates, double **values);
/** For footers: "ECB euro reference rates, daily, 1999-01-04 – 2025-05-09
 * (eurofxref-hist.csv)". */
/** How many months of year have a rate of from in to (both quoted in
 * the same months), and the first and last of them: 12 for a yearly table
 * and for the table's base. A "yearly average" from fewer months is an
 * average of part of the year. */
AIDSTAT_API int aidstat_rates_year_months(const aidstat_rates_t *r, const char *from, const char *to,
                                          int year, int *first, int *last);
AIDSTAT_API const char *aidstat_rates_describe(const aidstat_rates_t *r);

/** How to restate values: another currency, constant prices. */
typedef struct aidstat_normalize {
    const char *currency;               /**< target currency; NULL = keep */
    const aidstat_rates_t *rates;       /**< needed when converting */
    bool yearly_rates;                  /**< yearly instead of monthly average rates */
    int base_year;                      /**< constant prices of this year; 0 = nominal */
    const aidstat_reftable_t *deflator; /**< needed for constant prices */
} aidstat_normalize_t;

/** Restate rec->value (and rec->gdp) in place and set rec->currency.
 * Errors (AIDSTAT_ERR_DATA) name what is missing: "no USD rate for Apr 2026
 * in rates.csv", "no deflator for 2026". */
AIDSTAT_API aidstat_status_t aidstat_normalize_record(const aidstat_normalize_t *n, aidstat_record_t *rec,
                                                      aidstat_error_t *err);
/** For footers: "converted to USD at monthly average rates (ECB ...);
 * constant 2022 prices (deflator: FILE)"; "" when nothing is restated.
 * Free with aidstat_free(). */
AIDSTAT_API char *aidstat_normalize_describe(const aidstat_normalize_t *n);
/** Free memory the library handed over. */
AIDSTAT_API void aidstat_free(void *p);

/* ---------------------------------------------------------- time series */

typedef enum {
    AIDSTAT_INTERVAL_AUTO = 0, /**< chosen from the dates: yearly when records give a year but
                                    no month, monthly otherwise (a series' note says so) */
    AIDSTAT_INTERVAL_MONTH = 1,
    AIDSTAT_INTERVAL_QUARTER = 3,
    AIDSTAT_INTERVAL_YEAR = 12
} aidstat_interval_t;

/** Parse "month", "quarter", "year" into *out; AIDSTAT_ERR_USAGE when unknown. */
AIDSTAT_API aidstat_status_t aidstat_interval_parse(const char *s, aidstat_interval_t *out);

typedef struct {
    size_t size; /**< sizeof the struct, set by aidstat_series_options_init: lets later versions add fields */
    aidstat_key_t by;                     /**< NONE (one series), DONOR, REGION, TYPE or MEASURE */
    aidstat_interval_t interval;          /**< AUTO (the default) or the interval asked for: a
                                           monthly or quarterly series of records dated by year
                                           only is refused (AIDSTAT_ERR_DATA) */
    const aidstat_filter_t *filter;       /**< borrowed; NULL = everything */
    const aidstat_regions_t *regions;     /**< borrowed; needed for AIDSTAT_KEY_REGION */
    const aidstat_normalize_t *normalize; /**< borrowed; NULL = values as loaded */
} aidstat_series_options_t;

AIDSTAT_API void aidstat_series_options_init(aidstat_series_options_t *opt);

/** Regular time series per group: flows summed per period, periods with
 * no records filled with explicit zeros. The data's span (cut to the
 * filter's period) says which periods are complete; the series begins
 * with the period of the selection's first record unless the filter names
 * a start, so a selection is never padded with years before its data. */
typedef struct aidstat_series aidstat_series_t;

AIDSTAT_API aidstat_series_t *aidstat_series_new(const aidstat_series_options_t *opt, aidstat_error_t *err);
AIDSTAT_API void aidstat_series_free(aidstat_series_t *s);
/** An aidstat_record_fn with the series as user data. */
AIDSTAT_API int aidstat_series_add(const aidstat_record_t *rec, void *series);
AIDSTAT_API void aidstat_series_add_load_report(aidstat_series_t *s, const aidstat_load_report_t *r);
/** A caveat carried into the series' notes, as for a comparison. */
AIDSTAT_API void aidstat_series_add_caveat(aidstat_series_t *s, const char *caveat);
/** Choose the measure (as compare does), build the grid. Errors as
 * aidstat_compare_finish, plus a record that cannot be normalised. */
AIDSTAT_API aidstat_status_t aidstat_series_finish(aidstat_series_t *s, aidstat_error_t *err);

/** What groups the series: AIDSTAT_KEY_NONE for one series of everything. */
AIDSTAT_API aidstat_key_t aidstat_series_key(const aidstat_series_t *s);
AIDSTAT_API size_t aidstat_series_groups(const aidstat_series_t *s);
AIDSTAT_API const char *aidstat_series_group(const aidstat_series_t *s, size_t g);
AIDSTAT_API size_t aidstat_series_length(const aidstat_series_t *s);
/** The interval used (never AUTO once finished). */
AIDSTAT_API aidstat_interval_t aidstat_series_interval(const aidstat_series_t *s);
/** Period t's first month. */
AIDSTAT_API void aidstat_series_period(const aidstat_series_t *s, size_t t, int *year, int *month);
/** "2024-03", "2024 Q1" or "2024". */
AIDSTAT_API char *aidstat_series_period_label(const aidstat_series_t *s, size_t t, char *buf, size_t len);
/** The months the series covers: from the first month of the data in its
 * first period to the data's last month (which may end mid-period). */
AIDSTAT_API void aidstat_series_span(const aidstat_series_t *s, int *y0, int *m0, int *y1, int *m1);
/** Whether the data covers all of period t (the last one may be partial). */
AIDSTAT_API bool aidstat_series_period_complete(const aidstat_series_t *s, size_t t);
/** Group g's values, aidstat_series_length() of them. */
AIDSTAT_API const double *aidstat_series_values(const aidstat_series_t *s, size_t g);
/** What the values are, as for a comparison's result. */
AIDSTAT_API int aidstat_series_measure(const aidstat_series_t *s);
AIDSTAT_API const char *aidstat_series_types(const aidstat_series_t *s);
AIDSTAT_API const char *aidstat_series_currency(const aidstat_series_t *s);
AIDSTAT_API const char *aidstat_series_source(const aidstat_series_t *s);
AIDSTAT_API const char *aidstat_series_filter(const aidstat_series_t *s);
AIDSTAT_API uint64_t aidstat_series_records(const aidstat_series_t *s);
AIDSTAT_API uint64_t aidstat_series_rows_read(const aidstat_series_t *s);
AIDSTAT_API uint64_t aidstat_series_rows_rejected(const aidstat_series_t *s);
AIDSTAT_API size_t aidstat_series_note_count(const aidstat_series_t *s);
AIDSTAT_API const char *aidstat_series_note(const aidstat_series_t *s, size_t i);
/** The note with the options it names marked, as aidstat_error_t.wording (aidstat_text_word). */
AIDSTAT_API const char *aidstat_series_note_marked(const aidstat_series_t *s, size_t i);
/** What note i says, as aidstat_result_note_code (AIDSTAT_NOTE_TEXT: the
 * text says it all), its parameters (k 0 or 1) and subject. */
AIDSTAT_API aidstat_note_t aidstat_series_note_code(const aidstat_series_t *s, size_t i);
AIDSTAT_API size_t aidstat_series_note_count_param(const aidstat_series_t *s, size_t i, int k);
AIDSTAT_API const char *aidstat_series_note_subject(const aidstat_series_t *s, size_t i);
/* ------------------------------------------------- fits of a series
 * The analyses the trend command, charts and reports share: one home, so
 * that every door gives the same figure. */

/** The complete periods of a series, [*first, *end): the data covers all
 * of each (a year with four months of data is no year). Returns their
 * number; 0 when there is none. */
AIDSTAT_API size_t aidstat_series_complete_span(const aidstat_series_t *s, size_t *first, size_t *end);
/** The months the complete periods cover: the first month of the first
 * one to the last month of the last one, as a chart of the series states
 * its period and a report's words name it. A yearly series covers whole
 * years: its months are 0, so aidstat_period_format() and
 * aidstat_wording_period() state years ("2021 – 2024"). Returns the number
 * of complete periods; 0 (all four set to 0) when there is none. */
AIDSTAT_API size_t aidstat_series_complete_period(const aidstat_series_t *s, int *y0, int *m0, int *y1,
                                                  int *m1);

/** A straight-line trend through n values of one interval, at x = 0, 1,
 * ..., n - 1 (a chart's trend band). Errors as aidstat_trend_fit. */
AIDSTAT_API aidstat_status_t aidstat_trend_line(const double *v, size_t n, aidstat_interval_t interval,
                                                aidstat_trend_t *out, aidstat_error_t *err);

/** Group g's total for a calendar year; false unless the series covers
 * every period of that year completely. */
AIDSTAT_API bool aidstat_series_year_total(const aidstat_series_t *s, size_t g, int year, double *out);

/** The years of a current-against-baseline change. current 0: the last
 * complete year; base_from 0: every complete year before the current one
 * (base_to is then ignored). Years are judged on group 0 (the largest).
 * *cur or *b0 is 0 when there is no such year. */
AIDSTAT_API void aidstat_series_change_years(const aidstat_series_t *s, int current, int base_from,
                                             int base_to, int *cur, int *b0, int *b1);

/** Group g's current-year total against the mean of the baseline years'
 * totals. Fields NaN where a year is incomplete or missing; change (%)
 * NaN also when the baseline is zero. */
typedef struct {
    int current_year, base_from, base_to;
    double current;  /**< the current year's total */
    double baseline; /**< the mean of the baseline years' totals */
    double change;   /**< (current / baseline - 1) * 100 */
} aidstat_change_t;

AIDSTAT_API void aidstat_series_change(const aidstat_series_t *s, size_t g, int cur, int b0, int b1,
                                       aidstat_change_t *out);

/** Group g's trend and log-linear growth over the complete periods
 * (x = the period's index in the series). */
typedef struct {
    size_t group;
    size_t first, count; /**< the fitted periods: the complete span */
    aidstat_status_t trend_status;
    aidstat_error_t trend_error; /**< why there is no trend, when trend_status is not OK */
    aidstat_trend_t trend;
    aidstat_status_t growth_status;
    aidstat_error_t growth_error;
    /** the first fitted period (index in the series) whose value rules
     * growth out (<= 0), or (size_t)-1: a front-end names it */
    size_t growth_bad;
    aidstat_growth_t growth;
    double last;      /**< the value of the last complete period; NaN when none */
    bool nonnegative; /**< no value below zero: forecasts are bounded at zero */
} aidstat_group_fit_t;

AIDSTAT_API void aidstat_series_fit_group(const aidstat_series_t *s, size_t g, aidstat_group_fit_t *out);

/** The forecast k periods (k >= 1) past the last fitted period, as
 * aidstat_trend_forecast; false when the fit failed. *bounded says
 * whether zero bounded it. */
AIDSTAT_API bool aidstat_group_fit_forecast(const aidstat_group_fit_t *f, size_t k, double *y, double *lo,
                                            double *hi, bool *bounded);

/** Donors with records that fall in two or more of the groups of a series
 * by region ("Germany, France, Italy and 19 more"), "" when the groups
 * share none: then they are parts of one whole and may be stacked. */
AIDSTAT_API const char *aidstat_series_shared_donors(const aidstat_series_t *s);

/* ------------------------------------------------------------ output files */

/** An output file written safely (the library's charts and reports are
 * written through it too). A regular file, or the file a symbolic link
 * leads to, is written to a temporary file beside it, synced and renamed
 * into place by aidstat_output_commit(): it is complete or left as it was,
 * and the link stays a link. An existing file keeps its mode; a new one
 * gets 0666 less the umask. A file with other hard links is copied into in
 * place at commit, so every name keeps showing the same file (a failure
 * during that copy can leave it partial). Devices, FIFOs and sockets are
 * written directly and never replaced. A directory or an empty path is an
 * error (AIDSTAT_ERR_OUTPUT, with the system's reason). */
typedef struct aidstat_output aidstat_output_t;
/** Open path for writing; NULL on error. Pair with _commit or _abort. */
AIDSTAT_API aidstat_output_t *aidstat_output_open(const char *path, aidstat_error_t *err);
/** The stream to write to; it belongs to the output (do not fclose it). */
AIDSTAT_API FILE *aidstat_output_stream(aidstat_output_t *o);
/** Flush, sync and put the file in place; frees o in every case. A write
 * error (with the errno of the call that failed) leaves the target as it
 * was and removes the temporary file. */
AIDSTAT_API aidstat_status_t aidstat_output_commit(aidstat_output_t *o, aidstat_error_t *err);
/** Give up: remove the temporary file, leave the target as it was, free o.
 * NULL does nothing. */
AIDSTAT_API void aidstat_output_abort(aidstat_output_t *o);
/** The date written into documents: a PDF's CreationDate and ModDate, a
 * PostScript file's %%CreationDate, a report's "today". unix_seconds >= 0
 * fixes it for the rest of the process; a negative value lets it follow
 * the environment again: the SOURCE_DATE_EPOCH variable when it holds a
 * whole number of seconds (reproducible-builds.org), else the clock. With
 * one date, the same input gives the same bytes. */
AIDSTAT_API void aidstat_output_set_date(int64_t unix_seconds);
/** The value of SOURCE_DATE_EPOCH as seconds: 1 when set and valid, 0 when
 * unset, -1 when set to something else (a program should refuse it). */
AIDSTAT_API int aidstat_output_env_date(int64_t *unix_seconds);
/** s (UTF-8) with control characters made visible, as charts draw them and
 * the program prints names on a terminal or in Markdown: \n \r \t, \x1b
 * for other C0 controls and DEL, \u009b for C1 controls, \xff for a byte
 * that is not UTF-8. Free with aidstat_free(). */
AIDSTAT_API char *aidstat_text_visible(const char *s);
/** Remove every temporary file still being written. Async-signal-safe:
 * for a program's SIGINT/SIGTERM/SIGHUP handler, which then re-raises. */
AIDSTAT_API void aidstat_output_remove_temporaries(void);

/* ------------------------------------------------------------- wording */

/** What a selection shows, for wording it: the one description every
 * door (command line, charts, reports, a program embedding the library)
 * words with the functions below, so the same selection has the same
 * title and unit everywhere. Fill it with aidstat_wording_init and then
 * by hand, or from a result or series. Strings are borrowed. `size` is
 * set by aidstat_wording_init so the struct can grow. */
typedef struct aidstat_wording {
    size_t size;          /**< sizeof (aidstat_wording_t), set by aidstat_wording_init */
    const char *types;    /**< "all types", "military" or "military,financial" */
    int measure;          /**< an aidstat_measure_t, or -1 for several */
    const char *currency; /**< "EUR", "USD", "TIV" (SIPRI), "" */
    aidstat_key_t key[2]; /**< grouping keys; AIDSTAT_KEY_NONE where none */
    aidstat_stat_t stat;  /**< what is taken of the records */
    bool cumulative;      /**< running totals */
    bool trend;           /**< a trend of the selection */
    const char *filter;   /**< the selection, as aidstat_filter_describe writes it */
} aidstat_wording_t;

/** Empty description: all types, several measures, no key. */
AIDSTAT_API void aidstat_wording_init(aidstat_wording_t *w);
/** The description of a comparison (keys, stat, filter...) into *w. */
AIDSTAT_API void aidstat_wording_from_result(aidstat_wording_t *w, const aidstat_result_t *r);
/** The description of a series; its key only when grouped into more than one. */
AIDSTAT_API void aidstat_wording_from_series(aidstat_wording_t *w, const aidstat_series_t *s);
/** "Military aid allocations", "Major arms deliveries" (SIPRI TIV): what
 * is counted, without key or selection. Newly allocated (g_free). */
AIDSTAT_API char *aidstat_wording_subject(const aidstat_wording_t *w);
/** The measure as a word in a title or footer: "allocations" (in German
 * "Bereitstellungen"); "" for none. */
AIDSTAT_API const char *aidstat_wording_measure(int measure);
/** The title: "Military aid allocations by donor", "Major arms deliveries
 * to Ukraine by supplier" (a SIPRI selection names its suppliers and
 * recipients), "Cumulative ...", "Trend of ...". Newly allocated (g_free). */
AIDSTAT_API char *aidstat_wording_title(const aidstat_wording_t *w);
/** A selection (aidstat_filter_describe's text: "donor=usa,Germany,
 * type=military, from=2023") in words for people: "donors United States
 * and Germany; military aid; from 2023", in German when names are German.
 * regions (may be NULL) names the groups of region=. "" for no selection.
 * Newly allocated (g_free). */
AIDSTAT_API char *aidstat_wording_selection(const char *filter, const struct aidstat_regions *regions);
/** As aidstat_wording_selection, for a selection of data in currency
 * (aidstat_result_currency): SIPRI's trend-indicator values name their
 * suppliers as suppliers ("supplier Germany", German "Lieferant
 * Deutschland"), as the title does. Newly allocated (g_free). */
AIDSTAT_API char *aidstat_wording_selection_in(const char *filter, const struct aidstat_regions *regions,
                                               const char *currency);
/** A name as people read it in the language of aidstat_language(): a
 * donor's German short name from the country table (by code, else by
 * name), a group's and a sourcing part's ("Stockpile": "Bestände") from
 * the catalogue; the name itself in English or when there is none. key:
 * AIDSTAT_KEY_DONOR, AIDSTAT_KEY_REGION or AIDSTAT_KEY_SOURCING (others
 * give the name back). Newly allocated (g_free). */
AIDSTAT_API char *aidstat_label_people(aidstat_key_t key, const char *label, const char *code);
/** A key in words: "donor" ("supplier" for SIPRI TIV), "region", ...;
 * plural: "donors". Static; "" for AIDSTAT_KEY_NONE. */
AIDSTAT_API const char *aidstat_wording_key(aidstat_key_t k, const char *currency, bool plural);
/** A key as a column heading: "Donor", "Supplier" (SIPRI TIV), "Region", ...
 * Static; "" for AIDSTAT_KEY_NONE. */
AIDSTAT_API const char *aidstat_wording_key_title(aidstat_key_t k, const char *currency);
/** Whether currency is SIPRI's trend-indicator value, not money. */
AIDSTAT_API bool aidstat_currency_is_tiv(const char *currency);
/** A unit: "€ billion" (long_form) or "€ bn"; "TIV million". Newly allocated. */
AIDSTAT_API char *aidstat_wording_unit(const char *currency, double scale, bool long_form);
/** The price basis: "nominal: current prices", "constant 2022 prices"
 * (base_year), "constant 1990 prices" (SIPRI TIV). Newly allocated. */
AIDSTAT_API char *aidstat_wording_prices(const char *currency, int base_year);
/** The price basis for machines (CSV, JSON): basis when the values were
 * restated (aidstat_result_basis), else "nominal", or "constant 1990
 * prices" for SIPRI TIV. Static or basis itself. */
AIDSTAT_API const char *aidstat_wording_basis(const char *currency, const char *basis);
/** The unit in full, per period when per is given ("year"): "€ million
 * per year (EUR, nominal: current prices)"; for SIPRI "SIPRI
 * trend-indicator values (TIV), millions, constant 1990 prices". Newly
 * allocated. */
AIDSTAT_API char *aidstat_wording_unit_statement(const char *currency, double scale, const char *per,
                                                 int base_year);
/** "Jan 2022 – Dec 2024", or one period; "" when y0 <= 0. Newly allocated. */
AIDSTAT_API char *aidstat_wording_period(int y0, int m0, int y1, int m1);

/* ---------------------------------------------------------------- charts */

typedef enum {
    AIDSTAT_CHART_BAR = 0,  /**< horizontal ranked bars (from a comparison) */
    AIDSTAT_CHART_STACKED,  /**< bars split by the comparison's second key */
    AIDSTAT_CHART_GROUPED,  /**< bars side by side per second key */
    AIDSTAT_CHART_COLUMN,   /**< vertical bars over time (from a series) */
    AIDSTAT_CHART_LINE,     /**< one line per group over time (from a series) */
    AIDSTAT_CHART_AREA,     /**< stacked areas over time (from a series) */
    AIDSTAT_CHART_DUMBBELL, /**< two measures per row, dot-line-dot (comparison by KEY,measure) */
    AIDSTAT_CHART_SCATTER   /**< value against % of GDP per donor (comparison with --per gdp) */
} aidstat_chart_kind_t;

/** Parse "bar", "line", ... into *out; AIDSTAT_ERR_USAGE when unknown. */
AIDSTAT_API aidstat_status_t aidstat_chart_kind_parse(const char *s, aidstat_chart_kind_t *out);
AIDSTAT_API const char *aidstat_chart_kind_name(aidstat_chart_kind_t k);

/** What a chart of one kind shows when its caller leaves it open: the one
 * table the command line, reports and embedding programs all read. */
typedef struct {
    bool over_time;      /**< drawn from a series (column, line, area), else from a comparison */
    const char *by;      /**< comparison keys, "donor,type"; NULL over time */
    size_t top;          /**< rows or groups shown; 0: all */
    size_t top_facet;    /**< over time with one panel per group (facet) */
    aidstat_per_t per;   /**< the comparison's per (scatter: per GDP) */
    aidstat_sort_t sort; /**< order of the bars (DEFAULT: the comparison's own) */
} aidstat_chart_defaults_t;

/** The defaults of kind k; NULL for no kind. */
AIDSTAT_API const aidstat_chart_defaults_t *aidstat_chart_defaults(aidstat_chart_kind_t k);
/** The rows or groups a chart of kind k shows by default (top or top_facet). */
AIDSTAT_API size_t aidstat_chart_default_top(aidstat_chart_kind_t k, bool facet);

/** A labelled vertical marker on a time axis. */
typedef struct {
    int year, month;
    const char *label;
} aidstat_event_t;

typedef struct {
    size_t size; /**< sizeof the struct, set by aidstat_chart_options_init: lets later versions add fields */
    aidstat_chart_kind_t kind;
    const char *title, *subtitle, *note; /**< NULL: made from the data */
    const char *theme;                   /**< "default" (Okabe–Ito colours) or "print" (grayscale) */
    const char *font;                    /**< font family; NULL = "DejaVu Sans" */
    const char *const *colors;           /**< NULL-terminated "#RRGGBB" list replacing the palette */
    const char *const *highlight;        /**< NULL-terminated labels drawn in colour, the rest grey */
    bool percent;                        /**< stacked: 100 % stacks */
    bool trend;                          /**< line: OLS trend with its 95 % confidence band */
    bool facet;                          /**< line, area, column: one panel per group, shared scales */
    bool cumulative;                     /**< line, area, column: running totals */
    size_t top;                          /**< line, area, column: only the N largest groups; 0 = all */
    bool log_x, log_y;                   /**< scatter: logarithmic axes */
    const aidstat_event_t *events;       /**< line, area, column: markers */
    size_t nevents;
    const char *locale; /**< "en" (default) or "de" number formats */
    double text_size;   /**< points of the chart's body text (ticks, labels and
                                              notes are 0.75-0.9 of it), as far as a chart's height
                                              allows (a twentieth of it); 0 = from the chart's size */
    bool no_attach;     /**< PDF: leave out the attached numbers (CSV) */
} aidstat_chart_options_t;

AIDSTAT_API void aidstat_chart_options_init(aidstat_chart_options_t *opt);

/** Read event markers from a CSV with columns date (YYYY-MM[-DD]) and
 * label. Free with aidstat_events_free. */
AIDSTAT_API aidstat_status_t aidstat_events_load_file(const char *path, aidstat_event_t **events, size_t *n,
                                                      aidstat_error_t *err);
/** The same from a buffer; name is used in messages. */
AIDSTAT_API aidstat_status_t aidstat_events_load_memory(const char *name, const char *data, size_t len,
                                                        aidstat_event_t **events, size_t *n,
                                                        aidstat_error_t *err);
AIDSTAT_API void aidstat_events_free(aidstat_event_t *events, size_t n);

/** A chart: its data copied from a comparison or a series, ready to draw
 * at any size. */
typedef struct aidstat_chart aidstat_chart_t;

/** Bar, stacked, grouped, dumbbell and scatter charts from a comparison;
 * the result may be freed afterwards. Errors (AIDSTAT_ERR_USAGE) say which
 * comparison a kind needs; AIDSTAT_ERR_DATA for negative values in a
 * stack or nothing to draw. */
AIDSTAT_API aidstat_chart_t *aidstat_chart_from_result(const aidstat_result_t *r,
                                                       const aidstat_chart_options_t *opt,
                                                       aidstat_error_t *err);
/** Line, area and column charts from a finished series. */
AIDSTAT_API aidstat_chart_t *aidstat_chart_from_series(const aidstat_series_t *s,
                                                       const aidstat_chart_options_t *opt,
                                                       aidstat_error_t *err);
/** A line chart of dated values, such as daily exchange rates: dates as
 * year*10000 + month*100 + day, oldest first; label names the line, unit
 * the values ("US$ per €"), source the footer. Long series are drawn at the
 * device's resolution (lowest and highest value per column). */
AIDSTAT_API aidstat_chart_t *aidstat_chart_from_dates(const aidstat_chart_options_t *opt, const char *label,
                                                      const char *unit, const char *source, const int *dates,
                                                      const double *values, size_t n, aidstat_error_t *err);
/** A dumbbell chart of a finished diff's largest revisions: per donor the
 * old and the new value (all types) of measure m (-1: allocations when
 * compared, else the first compared), the opt->top (0 = 15) largest
 * changes, largest first. Errors: AIDSTAT_ERR_USAGE for a measure not
 * compared, AIDSTAT_ERR_EMPTY when nothing changed. */
AIDSTAT_API aidstat_chart_t *aidstat_chart_from_diff(const aidstat_diff_t *d,
                                                     const aidstat_chart_options_t *opt, int m,
                                                     aidstat_error_t *err);
/** Grouped bars of the same selection in n releases: res[k] a comparison
 * by one key of release k (oldest first), labels[k] its name; one bar per
 * release in each row (the newest release's rows first, a row a release
 * lacks drawn as 0), the opt->top (0 = 8) rows. Errors: AIDSTAT_ERR_USAGE
 * for fewer than two comparisons or one by two keys. */
AIDSTAT_API aidstat_chart_t *aidstat_chart_from_releases(const aidstat_result_t *const *res,
                                                         const char *const *labels, size_t n,
                                                         const aidstat_chart_options_t *opt,
                                                         aidstat_error_t *err);
AIDSTAT_API void aidstat_chart_free(aidstat_chart_t *c);
/** The numbers a PDF of the chart carries as an attached CSV file (named
 * after the chart's title), replacing any before: r written as
 * aidstat_result_csv does. aidstat_chart_from_result attaches its
 * comparison unless opt->no_attach; for a chart over time, attach the
 * comparison of the same selection. r may be freed afterwards; NULL
 * removes the attachment. */
AIDSTAT_API void aidstat_chart_attach_result(aidstat_chart_t *c, const aidstat_result_t *r);
/** Draw into the caller's cairo context in a width x height box (user
 * units, points for PDF) at the current origin. Labels that cannot fit
 * are shortened or dropped; aidstat_chart_warnings() says which. */
AIDSTAT_API aidstat_status_t aidstat_chart_draw(aidstat_chart_t *c, struct _cairo *cr, double width,
                                                double height, aidstat_error_t *err);
/** Write a file whose type follows its extension (.pdf, .svg, .png, .ps,
 * .eps), atomically: complete or not written. dpi applies to PNG. HTML:
 * aidstat_chart_write_html. */
AIDSTAT_API aidstat_status_t aidstat_chart_write(aidstat_chart_t *c, const char *path, double width,
                                                 double height, double dpi, aidstat_error_t *err);
/** The same to a write callback in the given type ("pdf", "svg", "png",
 * "ps", "eps"); the callback returns 0 on success. */
AIDSTAT_API aidstat_status_t
aidstat_chart_write_stream(aidstat_chart_t *c, const char *type,
                           unsigned int (*write)(void *closure, const unsigned char *data, unsigned int len),
                           void *closure, double width, double height, double dpi, aidstat_error_t *err);
/** Flags of aidstat_chart_html. */
enum {
    AIDSTAT_CHART_HTML_FRAGMENT = 1 << 0 /**< a <figure> to paste into a page, not a whole page */
};
/** The chart for the web: a self-contained HTML page, or with
 * AIDSTAT_CHART_HTML_FRAGMENT a fragment to paste into a CMS: a <style>
 * and a <figure class="aidstat-chart"> holding the chart as inline SVG
 * (.aidstat-chart__svg; it scales with its container) and its text
 * description (.aidstat-chart__desc). Nothing is loaded from elsewhere and
 * there is no script. width and height in points set the proportions.
 * NULL with err on failure; free with aidstat_free(). */
AIDSTAT_API char *aidstat_chart_html(aidstat_chart_t *c, double width, double height, unsigned flags,
                                     aidstat_error_t *err);
/** The same written atomically to path. */
AIDSTAT_API aidstat_status_t aidstat_chart_write_html(aidstat_chart_t *c, const char *path, double width,
                                                      double height, unsigned flags, aidstat_error_t *err);
/** A text description of the chart from its data, for screen readers
 * (SVG <desc>, PDF subject). */
AIDSTAT_API const char *aidstat_chart_describe(const aidstat_chart_t *c);
/** The chart's title as it will be drawn. */
AIDSTAT_API const char *aidstat_chart_title(const aidstat_chart_t *c);
/** What the last draw had to leave out ("2 point labels dropped: ..."). */
AIDSTAT_API size_t aidstat_chart_warning_count(const aidstat_chart_t *c);
AIDSTAT_API const char *aidstat_chart_warning(const aidstat_chart_t *c, size_t i);

/* --------------------------------------------------------------- reports */

/** A report: a Markdown spec with live figures, laid out as a paged PDF. */
typedef struct aidstat_report aidstat_report_t;

/** Read and compute a report. spec: a file, or NULL for the default report
 * shipped inside the library (reports/ukraine-support.md). data: files that
 * replace the spec's data (NULL-terminated), or NULL. Errors point at
 * spec:line:column. */
AIDSTAT_API aidstat_report_t *aidstat_report_load(const char *spec, const char *const *data,
                                                  aidstat_error_t *err);
/** How aidstat_report_open reads a spec. */
enum {
    /** The spec may name only files inside its own folder: an absolute
     * path, a ".." step or a symbolic link leading out is an error at the
     * spec's line. For services that render specs they did not write
     * (a spec otherwise reads any file its user can). */
    AIDSTAT_REPORT_CONFINE = 1 << 0,
    /** The PDF carries no attached files. By default each chart's and
     * table's numbers are attached as CSV (aidstat_result_csv), named
     * after the figure or table ("figure-3-military-aid-by-donor.csv"),
     * and the report's whole data by donor as "selection.csv". The front
     * matter's "attachments: false" does the same. */
    AIDSTAT_REPORT_NO_ATTACH = 1 << 1,
};
/** aidstat_report_load with flags (AIDSTAT_REPORT_*). */
AIDSTAT_API aidstat_report_t *aidstat_report_open(const char *spec, const char *const *data, unsigned flags,
                                                  aidstat_error_t *err);
/** The language a spec's front matter states (its "lang:" key): "de" or
 * "en" (also when it says none, or something else, which
 * aidstat_report_open refuses), read without loading its data; NULL with
 * err set when the spec cannot be read or its front matter is wrong. A
 * program whose message catalogue is not German switches it before
 * aidstat_report_open for a "de" spec, so the report's labels are German
 * (see aidstat_set_language). */
AIDSTAT_API const char *aidstat_report_spec_language(const char *spec, aidstat_error_t *err);
/** Lay the report out and write it atomically: a PDF, or for a path
 * ending in .html or .htm one self-contained HTML page (semantic HTML5,
 * charts as inline SVG with their descriptions, no scripts and nothing
 * loaded from elsewhere). */
AIDSTAT_API bool aidstat_report_path_is_html(const char *path);
AIDSTAT_API aidstat_status_t aidstat_report_write(aidstat_report_t *r, const char *path,
                                                  aidstat_error_t *err);
AIDSTAT_API void aidstat_report_free(aidstat_report_t *r);
/** What became of each data file's rows, one load report per file in the
 * order read; owned by the report. */
AIDSTAT_API size_t aidstat_report_load_count(const aidstat_report_t *r);
AIDSTAT_API const aidstat_load_report_t *aidstat_report_load_report(const aidstat_report_t *r, size_t i);

#ifdef __cplusplus
}
#endif
#endif /* AIDSTAT_H */
