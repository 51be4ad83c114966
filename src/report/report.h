/* Internal: reports. A spec is parsed into blocks (report/spec.c), its
 * figures are computed from the data (report/query.c, report/expr.c,
 * report/diff.c) and the blocks are laid out on pages (report/layout.c).
 * Calls run one way, from the top floor down:
 *   spec.c                     front matter, Markdown into blocks
 *   expr.c, diff.c             inline figures; the ```diff block
 *   query.c                    options into comparisons, series, charts
 *   opts.c, files.c            block and figure options; files a spec names */
#ifndef AID_REPORT_H
#define AID_REPORT_H

#include "aidstat.h"
#include "render/render.h"

#include <glib.h>

/* The data every figure of a report is computed from. */
typedef struct {
    aidstat_table_t *table;
    aidstat_table_t *weapons;  /* heavy weapons by donor (Kiel weapons.csv), or NULL */
    aidstat_table_t *sourcing; /* military aid by how it was sourced (procurement_trends.csv), or NULL */
    /* the key for eu_attribution on a block: eu_aid_shares.csv beside the
     * data, or with the embedded data the embedded release's; NULL for
     * other data (a key of another release would be refused anyway) */
    aidstat_eukey_t *eukey;
    aidstat_regions_t *regions;
    GPtrArray *sources; /* char*: one line per loaded file */
    GPtrArray *loads;   /* aidstat_load_report_t* of table's files: the spec's, not owned */
    aid_locale_t locale;
    bool builtin;      /* the spec is inside the library: its files are resources */
    char *dir;         /* the spec's folder: its files are named from there */
    bool confine;      /* the spec may name only files inside dir */
    char *caveat;      /* a note every table and chart carries (EU attribution), or NULL */
    const char *theme; /* the report's theme: its charts' unless they name one */
    double text_size;  /* its charts' body text, points: legible in print */
    bool no_attach;    /* front matter attachments: false: no numbers attached to the PDF */
} aid_rdata_t;

/* A file a spec names (data, weapons, regions, an image, events), as a path
 * to open: relative names from the spec's folder. When the report is
 * confined, an absolute name, a ".." step or a symbolic link leading out of
 * the folder is an error at spec:line:col naming key. Returns a new string,
 * or NULL with err set. */
char *aid_spec_file(const aid_rdata_t *d, const char *spec, const char *name, const char *key, long line,
                    long col, aidstat_error_t *err);
/* Whether path, made absolute and with its links resolved, is inside dir
 * (also resolved). A file that does not exist yet is judged by its name. */
bool aid_spec_inside(const char *dir, const char *path);

/* The front-matter key eu_attribution (report/attribute.c): "true" for
 * the data's own key (data_path, the only data file, a workbook with share
 * sheets; may be NULL) or else Release 29's, or a key file relative to dir. Begin before the data
 * is loaded; load through aid_report_eu_fn (which returns fn and leaves
 * user alone when e is NULL); end after, to attribute and to set
 * d->caveat. end frees e. */
typedef struct aid_report_eu aid_report_eu_t;
aid_report_eu_t *aid_report_eu_begin(const char *value, const char *dir, const aid_rdata_t *d,
                                     const char *data_path, aidstat_record_fn fn, void *user,
                                     aidstat_error_t *err);
aidstat_record_fn aid_report_eu_fn(aid_report_eu_t *e, aidstat_record_fn fn, void **user);
aidstat_status_t aid_report_eu_end(aid_report_eu_t *e, aid_rdata_t *d, aidstat_error_t *err);
void aid_report_eu_free(aid_report_eu_t *e);

/* key=value options of an inline figure or a block, with where each
 * value sits in the spec for messages. */
typedef struct {
    GPtrArray *keys, *values; /* char* */
    GArray *lines, *cols;     /* long */
    const char *file;
} aid_opts_t;

void aid_opts_init(aid_opts_t *o, const char *file);
void aid_opts_clear(aid_opts_t *o);
void aid_opts_add(aid_opts_t *o, const char *key, const char *value, long line, long col);
const char *aid_opts_get(const aid_opts_t *o, const char *key);
/* Where key's value sits in the spec; false (line, col untouched) when absent. */
bool aid_opts_where(const aid_opts_t *o, const char *key, long *line, long *col);
/* Error for option key (or at line/col when key is NULL). */
aidstat_status_t aid_opts_error(const aid_opts_t *o, const char *key, long line, long col,
                                aidstat_error_t *err, const char *fmt, ...)
    __attribute__((format(printf, 6, 7)));
/* The number a key holds, read strictly (aidstat_number_read; whole for
 * counts) within [min, max]; what names the unit for the message
 * ("millimetres", "a whole number"). Absent key: AIDSTAT_OK, *out untouched.
 * Errors point at the value: "key: \"50abc\": give millimetres from 32 to 240". */
aidstat_status_t aid_opts_number(const aid_opts_t *o, const char *key, bool whole, double min, double max,
                                 const char *what, double *out, aidstat_error_t *err);
/* A yes/no key: true, yes, 1 / false, no, 0 (any case); absent is false;
 * anything else is an error at the value. */
aidstat_status_t aid_opts_bool(const aid_opts_t *o, const char *key, bool *out, aidstat_error_t *err);
/* The same for a value not in options (front matter): at file:line:col. */
aidstat_status_t aid_spec_number(const char *value, const char *file, long line, long col, const char *key,
                                 bool whole, double min, double max, const char *what, double *out,
                                 aidstat_error_t *err);
/* A front-matter key that says how the data files are read (decimal-comma,
 * decimal-point, unit, map, words, encoding, sheet, date-order, input-currency,
 * input-format, delimiter) into lo; strings it keeps are added to keep
 * (a GPtrArray freeing with g_free). 1: done; 0: not such a key; -1: a bad
 * value (err set at file:line:col). */
int aid_spec_load_option(aidstat_load_options_t *lo, GPtrArray *keep, const char *key, const char *val,
                         const char *path, long line, long col, aidstat_error_t *err);
/* Check every key is one of known (NULL-terminated); the first unknown is an error. */
aidstat_status_t aid_opts_check(const aid_opts_t *o, const char *const *known, long line, long col,
                                aidstat_error_t *err);

/* The table a figure or block reads: the report's data, or with
 * data=weapons its heavy-weapons data; NULL with err when that is absent. */
const aidstat_table_t *aid_query_table(const aid_rdata_t *d, const aid_opts_t *o, aidstat_error_t *err);

/* Build a filter from type, measure, donor, region, from, to. skip_where
 * leaves out the donor and region filters (for shares). */
aidstat_filter_t *aid_query_filter(const aid_rdata_t *d, const aid_opts_t *o, bool skip_where,
                                   aidstat_error_t *err);
/* A comparison over the report's data; options as `compare`. */
aidstat_result_t *aid_query_compare(const aid_rdata_t *d, const aid_opts_t *o, aidstat_filter_t *f,
                                    aidstat_key_t default_by, aidstat_error_t *err);
/* A series over the report's data. */
aidstat_series_t *aid_query_series(const aid_rdata_t *d, const aid_opts_t *o, aidstat_filter_t *f,
                                   aidstat_error_t *err);
/* What a chart or table over time attaches to the PDF: the comparison of
 * its selection by its grouping (by donor when it has none), top rows when
 * it is grouped (0: all), the totals over its whole period. */
aidstat_result_t *aid_query_totals(const aid_rdata_t *d, const aid_opts_t *o, aidstat_filter_t *f, size_t top,
                                   aidstat_error_t *err);
/* A chart from chart options. */
aidstat_chart_t *aid_query_chart(const aid_rdata_t *d, const aid_opts_t *o, aidstat_error_t *err);

/* Evaluate "sum type=military region=europe | eur_bn" (without braces).
 * Returns the text, or NULL with err pointing at line/col. */
char *aid_expr_eval(const aid_rdata_t *d, const char *expr, const char *file, long line, long col,
                    aidstat_error_t *err);
/* Replace every {{ ... }} in text; NULL on error. */
char *aid_expr_expand(const aid_rdata_t *d, const char *text, const char *file, long line, long col,
                      aidstat_error_t *err);
/* The same in Markdown source: each figure becomes a placeholder
 * (AID_FIGURE_OPEN, its index in figures, AID_FIGURE_CLOSE) and its text
 * is appended to figures (char*, owned by the array), so that Markdown
 * never reads a figure as syntax; aid_expr_fill puts the text back into
 * the parsed literals. */
#define AID_FIGURE_OPEN "\xEE\x80\x80"  /* U+E000, private use */
#define AID_FIGURE_CLOSE "\xEE\x80\x81" /* U+E001 */
char *aid_expr_expand_markdown(const aid_rdata_t *d, const char *text, const char *file, long line, long col,
                               GPtrArray *figures, aidstat_error_t *err);
/* text with its placeholders replaced by the figures, or NULL when it has none. */
char *aid_expr_fill(const char *text, const GPtrArray *figures);

#endif

/* ---- the parsed spec */

typedef enum {
    AID_B_HEADING,
    AID_B_PARA,
    AID_B_ITEM, /* a list item's paragraph: marker and indent */
    AID_B_QUOTE,
    AID_B_CODE,
    AID_B_RULE,
    AID_B_TABLE,
    AID_B_CHART,
    AID_B_KPI,
    AID_B_IMAGE,
    AID_B_FOOTNOTES
} aid_btype_t;

typedef struct {
    char *uri;
    int start, end; /* byte range in the block's plain text */
} aid_link_t;

typedef struct {
    aid_btype_t type;
    int level;     /* heading level, list depth */
    char *markup;  /* Pango markup: user text escaped */
    char *plain;   /* the same without tags (outline, TOC) */
    char *marker;  /* list marker */
    GArray *links; /* aid_link_t */
    /* tables: cells are markup, row-major; the first header_rows are the header */
    size_t ncols, nrows, header_rows;
    char **cells;
    bool *right;
    char *caption; /* figures and tables */
    int number;
    char *note; /* under a table: unit, source */
    char *csv;  /* a table's numbers attached to the PDF (a chart's: in the chart), or NULL */
    aidstat_chart_t *chart;
    double height; /* chart height in points */
    GPtrArray *kpi_label, *kpi_value, *kpi_note;
    cairo_surface_t *image; /* PNG pixels, or an SVG recorded as vectors */
    double image_w, image_h;
    long line;
} aid_block_t;

typedef struct {
    char *path; /* the spec, as messages name it */
    char *title, *subtitle, *author, *date;
    bool toc;
    double page_w, page_h;
    char *font;
    double font_size;
    char *theme;
    GPtrArray *blocks; /* aid_block_t* */
    aid_rdata_t data;
    GPtrArray *loads; /* aidstat_load_report_t*: what became of each data file's rows */
} aid_spec_t;

/* A ```diff block (report/diff.c): what changed between the previous
 * release (option old: FILE, a file the spec names: see aid_spec_file)
 * and the report's data, as a table in b (cells, note) or, with show:
 * chart, a chart in b->chart. */
bool aid_diff_block_is_chart(const aid_opts_t *o);
aidstat_status_t aid_diff_block(const aid_rdata_t *d, aid_opts_t *o, long line, aid_block_t *b,
                                aidstat_error_t *err);

/* A ```releases block (report/releases.c): the same selection in each
 * earlier release (option releases: FILE, FILE..., relative to the spec
 * at path spec) and in the report's data, side by side, as a table in b
 * or, with show: chart, grouped bars in b->chart. */
bool aid_releases_block_is_chart(const aid_opts_t *o);
aidstat_status_t aid_releases_block(const aid_rdata_t *d, const char *spec, aid_opts_t *o, long line,
                                    aid_block_t *b, aidstat_error_t *err);

/* Parse a spec (path for messages and relative files; text in memory).
 * data_override: files replacing the spec's data (NULL-terminated) or NULL. */
aid_spec_t *aid_spec_parse(const char *path, const char *text, const char *const *data_override, bool builtin,
                           bool confine, aidstat_error_t *err);
void aid_spec_free(aid_spec_t *s);
/* The language the spec's front matter states ("de" or "en"), or NULL
 * with err set for a front matter in error; the data are not read. */
const char *aid_spec_language(const char *path, const char *text, aidstat_error_t *err);

/* The spec as one self-contained HTML page (report/html.c), appended to out. */
aidstat_status_t aid_html_write(aid_spec_t *s, GString *out, aidstat_error_t *err);

/* Lay the spec out and draw it, page by page, into cr (a PDF surface). */
/* alts (may be NULL) receives the /Alt text of each Figure tagged, in order (owned strings). */
aidstat_status_t aid_layout_draw(aid_spec_t *s, cairo_t *cr, double w, double h, GPtrArray *alts,
                                 aidstat_error_t *err);
