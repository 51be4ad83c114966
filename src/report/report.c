/* Reports: a spec read from a file or from the library's resources,
 * computed and laid out into a PDF. */
#include "config.h"
#include "report/report.h"
#include "data/intl.h"
#include "data/error.h"
#include "chart/chart.h"

#include <gio/gio.h>
#include <string.h>

struct aidstat_report {
    aid_spec_t *spec;
    char *author;
    unsigned flags; /* AIDSTAT_REPORT_* */
};

aidstat_report_t *aidstat_report_load(const char *spec, const char *const *data, aidstat_error_t *err)
{
    return aidstat_report_open(spec, data, 0, err);
}

/* Where the first NUL byte of text is, as line and column (characters). */
static void nul_position(const char *text, size_t at, long *line, long *col)
{
    *line = 1;
    *col = 1;
    for (size_t i = 0; i < at; i++) {
        if (text[i] == '\n') {
            ++*line;
            *col = 1;
        } else if (((unsigned char)text[i] & 0xC0) != 0x80) {
            ++*col;
        }
    }
}

/* The spec's text (the built-in report's when spec is NULL), checked to be
 * text: NULL with err set otherwise. *name: what messages call it. */
static char *spec_text(const char *spec, const char **name, aidstat_error_t *err)
{
    char *text = NULL;
    gsize len = 0;
    *name = spec;
    if (spec) {
        GError *ge = NULL;
        if (!g_file_get_contents(spec, &text, &len, &ge)) {
            aid_error_set(err, AIDSTAT_ERR_INPUT, spec, 0, 0, "cannot read: %s", ge->message);
            g_error_free(ge);
            return NULL;
        }
    } else {
        /* the built-in report in the language of names (aidstat_set_language) */
        bool de = !strcmp(aidstat_language(), "de");
        GBytes *b = g_resources_lookup_data(de ? "/org/aidstat/reports/ukraine-support.de.md"
                                               : "/org/aidstat/reports/ukraine-support.md",
                                            G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
        if (!b) {
            aid_error_set(err, AIDSTAT_ERR_INPUT, NULL, 0, 0,
                          "the default report is missing from this build");
            return NULL;
        }
        const char *bytes = g_bytes_get_data(b, &len);
        text = g_strndup(bytes, len);
        g_bytes_unref(b);
        *name = de ? "ukraine-support.de.md (built in)" : "ukraine-support.md (built in)";
    }
    /* a NUL would end the text there, silently */
    const char *nul = memchr(text, '\0', len);
    if (nul) {
        long line, col;
        nul_position(text, (size_t)(nul - text), &line, &col);
        aid_error_set(err, AIDSTAT_ERR_INPUT, *name, line, col, "a NUL byte: a spec is text");
        g_free(text);
        return NULL;
    }
    if (!g_utf8_validate(text, (gssize)len, NULL)) {
        aid_error_set(err, AIDSTAT_ERR_INPUT, *name, 0, 0, "not UTF-8 text");
        g_free(text);
        return NULL;
    }
    return text;
}

const char *aidstat_report_spec_language(const char *spec, aidstat_error_t *err)
{
    const char *name;
    char *text = spec_text(spec, &name, err);
    if (!text)
        return NULL;
    const char *lang = aid_spec_language(name, text, err);
    g_free(text);
    return lang;
}

aidstat_report_t *aidstat_report_open(const char *spec, const char *const *data, unsigned flags,
                                      aidstat_error_t *err)
{
    bool confine = (flags & AIDSTAT_REPORT_CONFINE) != 0;
    const char *name;
    char *text = spec_text(spec, &name, err);
    if (!text)
        return NULL;
    aid_spec_t *s = aid_spec_parse(name, text, data, spec == NULL, confine, err);
    g_free(text);
    if (!s)
        return NULL;
    aidstat_report_t *r = g_new0(aidstat_report_t, 1);
    r->spec = s;
    r->flags = flags;
    return r;
}

void aidstat_report_free(aidstat_report_t *r)
{
    if (!r)
        return;
    aid_spec_free(r->spec);
    g_free(r);
}

size_t aidstat_report_load_count(const aidstat_report_t *r)
{
    return r ? r->spec->loads->len : 0;
}

const aidstat_load_report_t *aidstat_report_load_report(const aidstat_report_t *r, size_t i)
{
    return r && i < r->spec->loads->len ? g_ptr_array_index(r->spec->loads, i) : NULL;
}

typedef struct {
    aid_spec_t *spec;
    GPtrArray *alts;
} drawing_t;

/* The numbers of each chart and table as CSV files attached to the PDF,
 * named after the figure or table, and the whole selection (the report's
 * data by donor, as a plain comparison gives it). NULL with err set when
 * that comparison fails. */
static GPtrArray *attachments(aid_spec_t *s, aidstat_error_t *err)
{
    aid_opts_t none;
    aid_opts_init(&none, s->path);
    aidstat_filter_t *f = aid_query_filter(&s->data, &none, false, err);
    aidstat_result_t *all = f ? aid_query_compare(&s->data, &none, f, AIDSTAT_KEY_DONOR, err) : NULL;
    aidstat_filter_free(f);
    aid_opts_clear(&none);
    if (!all)
        return NULL;
    GPtrArray *a = g_ptr_array_new_with_free_func(aid_attachment_free);
    GString *csv = g_string_new(NULL);
    aid_csv_result(csv, all, ',', false);
    aidstat_result_free(all);
    g_ptr_array_add(
        a, aid_attachment_new(g_strdup("selection.csv"), "The report's data by donor", csv->str, csv->len));
    g_string_free(csv, TRUE);
    for (guint i = 0; i < s->blocks->len; i++) {
        const aid_block_t *b = g_ptr_array_index(s->blocks, i);
        const char *data = b->type == AID_B_CHART && b->chart ? aid_chart_csv(b->chart) : b->csv;
        if (!data || b->number <= 0)
            continue;
        bool chart = b->type == AID_B_CHART;
        char *desc = g_strdup_printf("%s %d: %s", chart ? L_("Figure") : L_("Table"), b->number,
                                     b->caption ? b->caption : "");
        g_ptr_array_add(a, aid_attachment_new(aid_csv_name(chart ? "figure" : "table", b->number, b->caption),
                                              desc, data, strlen(data)));
        g_free(desc);
    }
    return a;
}

static aidstat_status_t draw(cairo_t *cr, double w, double h, void *user, aidstat_error_t *err)
{
    drawing_t *d = user;
    return aid_layout_draw(d->spec, cr, w, h, d->alts, err);
}

/* The report as HTML into path, through the safe writer. */
static aidstat_status_t write_html(aid_spec_t *s, const char *path, aidstat_error_t *err)
{
    GString *page = g_string_new(NULL);
    aidstat_status_t st = aid_html_write(s, page, err);
    if (st == AIDSTAT_OK) {
        aidstat_output_t *o = aidstat_output_open(path, err);
        if (!o) {
            st = err ? err->code : AIDSTAT_ERR_OUTPUT;
        } else if (fwrite(page->str, 1, page->len, aidstat_output_stream(o)) != page->len) {
            aidstat_output_abort(o);
            st = aid_error_set(err, AIDSTAT_ERR_OUTPUT, path, 0, 0, "cannot write");
        } else {
            st = aidstat_output_commit(o, err);
        }
    }
    g_string_free(page, TRUE);
    return st;
}

bool aidstat_report_path_is_html(const char *path)
{
    const char *dot = path ? strrchr(path, '.') : NULL;
    return dot && (!g_ascii_strcasecmp(dot, ".html") || !g_ascii_strcasecmp(dot, ".htm"));
}

aidstat_status_t aidstat_report_write(aidstat_report_t *r, const char *path, aidstat_error_t *err)
{
    aid_spec_t *s = r->spec;
    if (aidstat_report_path_is_html(path))
        return write_html(s, path, err);
    char *subject =
        g_strdup_printf("%s%s%s", s->subtitle ? s->subtitle : "", s->subtitle ? ". " : "",
                        s->data.sources->len ? (char *)g_ptr_array_index(s->data.sources, 0) : "");
    /* a date written as YYYY-MM-DD is the document's date too */
    GDateTime *date = NULL;
    int y, m, d;
    char tail;
    if (s->date && !aid_output_date_fixed() && sscanf(s->date, "%4d-%2d-%2d%c", &y, &m, &d, &tail) == 3)
        date = g_date_time_new_utc(y, m, d, 0, 0, 0);
    GPtrArray *files = NULL;
    if (!(r->flags & AIDSTAT_REPORT_NO_ATTACH) && !s->data.no_attach && !(files = attachments(s, err))) {
        g_free(subject);
        if (date)
            g_date_time_unref(date);
        return err->code;
    }
    drawing_t dw = {s, g_ptr_array_new_with_free_func(g_free)};
    aid_meta_t meta = {.title = s->title,
                       .description = subject,
                       .author = s->author,
                       .date = date,
                       .lang = s->data.locale == AID_LOCALE_DE ? "de" : "en",
                       .alts = dw.alts,
                       .attachments = files};
    aidstat_status_t st = aid_render_file(path, AID_OUT_PDF, s->page_w, s->page_h, 72, &meta, draw, &dw, err);
    g_ptr_array_free(dw.alts, TRUE);
    if (files)
        g_ptr_array_free(files, TRUE);
    if (date)
        g_date_time_unref(date);
    g_free(subject);
    return st;
}
