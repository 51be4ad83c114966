/* Charts: the public object (options, building blocks every kind shares,
 * freeing, describing) and the frame it is drawn in (title, subtitle,
 * plot, footer with source and notes), handed to one file per kind
 * through a table. Copying results into chart data is in adapt.c; the
 * helpers every kind draws with are in frame.c. */
#include "config.h"
#include "chart/chart.h"
#include "chart/kinds.h"
#include "data/error.h"

#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

static const char *const kind_names[] = {"bar",  "stacked", "grouped",  "column",
                                         "line", "area",    "dumbbell", "scatter"};

int aid_chart_kind_parse(const char *s)
{
    for (int i = 0; i < (int)G_N_ELEMENTS(kind_names); i++)
        if (g_ascii_strcasecmp(s, kind_names[i]) == 0)
            return i;
    return -1;
}

aidstat_status_t aidstat_chart_kind_parse(const char *s, aidstat_chart_kind_t *out)
{
    int v = s ? aid_chart_kind_parse(s) : -1;
    if (v < 0)
        return AIDSTAT_ERR_USAGE;
    *out = (aidstat_chart_kind_t)v;
    return AIDSTAT_OK;
}

const char *aidstat_chart_kind_name(aidstat_chart_kind_t k)
{
    return (unsigned)k < G_N_ELEMENTS(kind_names) ? kind_names[k] : "?";
}

/* Per kind, in the order of aidstat_chart_kind_t: ranked bars show the 15
 * largest rows, grouped bars 8 (each row is several bars), lines and areas
 * 6 groups on one plot and 12 in panels of their own; a scatter plots every
 * donor against its share of GDP. */
static const aidstat_chart_defaults_t kind_defaults[] = {
    [AIDSTAT_CHART_BAR] = {false, "donor", 15, 15, AIDSTAT_PER_NONE, AIDSTAT_SORT_DEFAULT},
    [AIDSTAT_CHART_STACKED] = {false, "donor,type", 15, 15, AIDSTAT_PER_NONE, AIDSTAT_SORT_DEFAULT},
    [AIDSTAT_CHART_GROUPED] = {false, "donor,type", 8, 8, AIDSTAT_PER_NONE, AIDSTAT_SORT_DEFAULT},
    [AIDSTAT_CHART_COLUMN] = {true, NULL, 6, 12, AIDSTAT_PER_NONE, AIDSTAT_SORT_DEFAULT},
    [AIDSTAT_CHART_LINE] = {true, NULL, 6, 12, AIDSTAT_PER_NONE, AIDSTAT_SORT_DEFAULT},
    [AIDSTAT_CHART_AREA] = {true, NULL, 6, 12, AIDSTAT_PER_NONE, AIDSTAT_SORT_DEFAULT},
    [AIDSTAT_CHART_DUMBBELL] = {false, "donor,measure", 15, 15, AIDSTAT_PER_NONE, AIDSTAT_SORT_DEFAULT},
    [AIDSTAT_CHART_SCATTER] = {false, "donor", 0, 0, AIDSTAT_PER_GDP, AIDSTAT_SORT_DEFAULT},
};
G_STATIC_ASSERT(G_N_ELEMENTS(kind_defaults) == G_N_ELEMENTS(kind_names));

const aidstat_chart_defaults_t *aidstat_chart_defaults(aidstat_chart_kind_t k)
{
    return (unsigned)k < G_N_ELEMENTS(kind_defaults) ? &kind_defaults[k] : NULL;
}

size_t aidstat_chart_default_top(aidstat_chart_kind_t k, bool facet)
{
    const aidstat_chart_defaults_t *d = aidstat_chart_defaults(k);
    return !d ? 0 : facet && d->over_time ? d->top_facet : d->top;
}

void aidstat_chart_options_init(aidstat_chart_options_t *opt)
{
    memset(opt, 0, sizeof *opt);
    opt->size = sizeof *opt;
}

/* ------------------------------------------------------------ building */

static const char *keep(aidstat_chart_t *c, const char *s)
{
    return s ? g_string_chunk_insert(c->strings, s) : NULL;
}

aidstat_chart_t *aid_chart_new(const aidstat_chart_options_t *opt, aidstat_error_t *err)
{
    aidstat_chart_t *c = g_new0(aidstat_chart_t, 1);
    c->strings = g_string_chunk_new(256);
    c->warnings = g_ptr_array_new_with_free_func(g_free);
    c->misses = g_ptr_array_new_with_free_func(g_free);
    c->opt = *opt;
    c->opt.title = keep(c, opt->title);
    c->opt.subtitle = keep(c, opt->subtitle);
    c->opt.note = keep(c, opt->note);
    c->opt.font = keep(c, opt->font ? opt->font : "DejaVu Sans");
    const char *near = NULL;
    if (opt->font && !aid_font_installed(opt->font, &near))
        g_ptr_array_add(
            c->misses,
            near ? g_strdup_printf(
                       "font \"%s\" is not installed: text is set in a substitute; did you mean %s?",
                       opt->font, near)
                 : g_strdup_printf("font \"%s\" is not installed: text is set in a substitute", opt->font));
    c->opt.colors = NULL;
    c->opt.highlight = NULL;
    c->opt.events = NULL;
    c->opt.nevents = 0;
    c->theme = aid_theme_find(opt->theme);
    if (!c->theme) {
        aid_error_set(err, AIDSTAT_ERR_USAGE, NULL, 0, 0, "unknown theme \"%s\" (themes: default, print)",
                      opt->theme);
        aidstat_chart_free(c);
        return NULL;
    }
    c->locale = !opt->locale                             ? aid_locale_default()
                : !g_ascii_strcasecmp(opt->locale, "de") ? AID_LOCALE_DE
                                                         : AID_LOCALE_EN;
    if (opt->locale && !c->locale && g_ascii_strcasecmp(opt->locale, "en")) {
        aid_error_set(err, AIDSTAT_ERR_USAGE, NULL, 0, 0, "unknown locale \"%s\" (locales: en, de)",
                      opt->locale);
        aidstat_chart_free(c);
        return NULL;
    }
    for (size_t i = 0; i < c->theme->npalette; i++)
        c->palette[c->npalette++] = c->theme->palette[i];
    if (opt->colors) {
        c->npalette = 0;
        for (const char *const *p = opt->colors; *p && c->npalette < G_N_ELEMENTS(c->palette); p++) {
            if (!aid_rgb_parse(*p, &c->palette[c->npalette])) {
                aid_error_set(err, AIDSTAT_ERR_USAGE, NULL, 0, 0, "colour \"%s\": use #RRGGBB", *p);
                aidstat_chart_free(c);
                return NULL;
            }
            c->npalette++;
        }
        if (!c->npalette) {
            aid_error_set(err, AIDSTAT_ERR_USAGE, NULL, 0, 0, "no colours given");
            aidstat_chart_free(c);
            return NULL;
        }
    }
    if (opt->nevents) {
        aidstat_event_t *ev = g_new0(aidstat_event_t, opt->nevents);
        for (size_t i = 0; i < opt->nevents; i++) {
            ev[i] = opt->events[i];
            ev[i].label = keep(c, opt->events[i].label);
        }
        c->opt.events = ev;
        c->opt.nevents = opt->nevents;
    }
    return c;
}

void aidstat_chart_free(aidstat_chart_t *c)
{
    if (!c)
        return;
    for (size_t i = 0; i < c->nitems; i++) {
        g_free(c->items[i].label);
        g_free(c->items[i].v);
    }
    g_free(c->items);
    g_strfreev(c->series);
    g_strfreev(c->tlabels);
    g_free(c->years);
    g_free(c->months);
    g_free(c->complete);
    g_free(c->title);
    g_free(c->subtitle);
    g_free(c->footer);
    g_free(c->alt);
    g_free(c->csv);
    g_free(c->currency);
    g_free(c->unit_label);
    g_free(c->x_label);
    g_free(c->y_label);
    g_free((void *)c->opt.events);
    g_ptr_array_free(c->warnings, TRUE);
    g_ptr_array_free(c->misses, TRUE);
    g_string_chunk_free(c->strings);
    g_free(c);
}

/* ------------------------------------------------------------- drawing */

/* Each kind's drawing, in the order of aidstat_chart_kind_t. */
static const aid_kind_draw_fn draws[] = {
    [AIDSTAT_CHART_BAR] = aid_draw_bar,           [AIDSTAT_CHART_STACKED] = aid_draw_stacked,
    [AIDSTAT_CHART_GROUPED] = aid_draw_stacked,   [AIDSTAT_CHART_COLUMN] = aid_draw_time,
    [AIDSTAT_CHART_LINE] = aid_draw_time,         [AIDSTAT_CHART_AREA] = aid_draw_time,
    [AIDSTAT_CHART_DUMBBELL] = aid_draw_dumbbell, [AIDSTAT_CHART_SCATTER] = aid_draw_scatter,
};
G_STATIC_ASSERT(G_N_ELEMENTS(draws) == G_N_ELEMENTS(kind_names));

static aidstat_status_t draw_all(cairo_t *cr, double w, double h, void *user, aidstat_error_t *err)
{
    aidstat_chart_t *c = user;
    g_ptr_array_set_size(c->warnings, 0);
    for (guint i = 0; i < c->misses->len; i++)
        aid_chart_warn(c, "%s", (const char *)g_ptr_array_index(c->misses, i));
    if (!(w >= AID_CHART_MIN_W && h >= AID_CHART_MIN_H))
        return aid_error_set(err, AIDSTAT_ERR_USAGE, NULL, 0, 0,
                             "a chart of %.0f x %.0f pt is too small to be read (at least %.0f x %.0f pt, "
                             "about %.0f x %.0f mm)",
                             w, h, AID_CHART_MIN_W, AID_CHART_MIN_H, ceil(AID_CHART_MIN_W * 25.4 / 72),
                             ceil(AID_CHART_MIN_H * 25.4 / 72));
    aid_frame_t f;
    f.family = c->opt.font;
    f.font = CLAMP(MIN(w, h) / 38.0, 6.5, 12.0);
    if (c->opt.text_size > 0) /* as asked, unless the chart is too short for it */
        f.font = fmin(c->opt.text_size, fmax(f.font, h / 20.0));
    double m = CLAMP(MIN(w, h) * 0.035, 6, 24);
    cairo_save(cr);
    aid_set_rgb(cr, c->theme->background);
    cairo_rectangle(cr, 0, 0, w, h);
    cairo_fill(cr);
    double y = m, inner = w - 2 * m;

    aid_font_t tf = aid_font(&f, 1.45, true);
    /* titles wrap; only one that does not fit even in that many lines is
     * cut, with a warning */
    tf.width = inner;
    tf.max_lines = 4;
    PangoLayout *l = aid_text(cr, c->title, &tf);
    double th;
    aid_text_extent(l, NULL, &th);
    if (aid_text_ellipsized(l))
        aid_chart_warn(c, "the title is shortened to fit in %d lines: widen the chart or shorten the title",
                       tf.max_lines);
    aid_set_rgb(cr, c->theme->ink);
    aid_text_draw(cr, l, m, y);
    g_object_unref(l);
    y += th + f.font * 0.25;

    aid_font_t sf = aid_font(&f, 1.0, false);
    sf.width = inner;
    sf.max_lines = 3;
    l = aid_text(cr, c->subtitle, &sf);
    aid_text_extent(l, NULL, &th);
    if (aid_text_ellipsized(l))
        aid_chart_warn(
            c, "the subtitle is shortened to fit in %d lines: widen the chart or shorten the subtitle",
            sf.max_lines);
    aid_set_rgb(cr, c->theme->muted);
    aid_text_draw(cr, l, m, y);
    g_object_unref(l);
    y += th + f.font * 0.9;

    aid_font_t ff = aid_font(&f, 0.8, false);
    ff.width = inner;
    ff.max_lines = 4;
    l = aid_text(cr, c->footer, &ff);
    double fh;
    aid_text_extent(l, NULL, &fh);
    if (aid_text_ellipsized(l))
        aid_chart_warn(c, "the footer is shortened to fit: see the table output for all notes");
    aid_set_rgb(cr, c->theme->muted);
    aid_text_draw(cr, l, m, h - m - fh);
    g_object_unref(l);

    f.x = m;
    f.y = y;
    f.w = inner;
    f.h = h - m - fh - f.font * 0.8 - y;
    aidstat_status_t st;
    if (f.h < f.font * 4) {
        st = aid_error_set(
            err, AIDSTAT_ERR_USAGE, NULL, 0, 0,
            "no room left for the plot at %.0f x %.0f pt: make the chart taller or the texts shorter", w, h);
    } else {
        aid_kind_draw_fn draw =
            (unsigned)c->opt.kind < G_N_ELEMENTS(draws) ? draws[c->opt.kind] : aid_draw_time;
        st = draw(c, cr, &f, err);
    }
    cairo_restore(cr);
    return st;
}

aidstat_status_t aidstat_chart_draw(aidstat_chart_t *c, cairo_t *cr, double width, double height,
                                    aidstat_error_t *err)
{
    return draw_all(cr, width, height, c, err);
}

void aidstat_chart_attach_result(aidstat_chart_t *c, const aidstat_result_t *r)
{
    g_free(c->csv);
    c->csv = r ? aidstat_result_csv(r, ',', 0, NULL) : NULL;
}

const char *aid_chart_csv(const aidstat_chart_t *c)
{
    return c->csv;
}

/* The chart's numbers as the one attachment of its PDF, or NULL. */
static GPtrArray *attachments(const aidstat_chart_t *c)
{
    if (!c->csv)
        return NULL;
    GPtrArray *a = g_ptr_array_new_with_free_func(aid_attachment_free);
    g_ptr_array_add(a, aid_attachment_new(aid_csv_name("", 0, c->title), c->title, c->csv, strlen(c->csv)));
    return a;
}

aidstat_status_t aidstat_chart_write(aidstat_chart_t *c, const char *path, double width, double height,
                                     double dpi, aidstat_error_t *err)
{
    aid_out_t out;
    if (!aid_out_from_path(path, &out))
        return aid_error_set(err, AIDSTAT_ERR_USAGE, NULL, 0, 0,
                             "%s: the file type follows the extension: .pdf, .svg, .png, .ps or .eps", path);
    aid_meta_t meta = {.title = c->title, .description = c->alt, .attachments = attachments(c)};
    aidstat_status_t st = aid_render_file(path, out, width, height, dpi, &meta, draw_all, c, err);
    if (meta.attachments)
        g_ptr_array_free(meta.attachments, TRUE);
    return st;
}

/* The public write callback returns 0 for success, like cairo's. */
typedef struct {
    unsigned int (*write)(void *, const unsigned char *, unsigned int);
    void *closure;
} stream_t;

static cairo_status_t stream_write(void *closure, const unsigned char *data, unsigned int len)
{
    stream_t *st = closure;
    return st->write(st->closure, data, len) == 0 ? CAIRO_STATUS_SUCCESS : CAIRO_STATUS_WRITE_ERROR;
}

aidstat_status_t
aidstat_chart_write_stream(aidstat_chart_t *c, const char *type,
                           unsigned int (*write)(void *, const unsigned char *, unsigned int), void *closure,
                           double width, double height, double dpi, aidstat_error_t *err)
{
    aid_out_t out;
    char name[16];
    snprintf(name, sizeof name, "x.%s", type ? type : "");
    if (!aid_out_from_path(name, &out))
        return aid_error_set(err, AIDSTAT_ERR_USAGE, NULL, 0, 0, "unknown output type \"%s\"", type);
    aid_meta_t meta = {.title = c->title, .description = c->alt, .attachments = attachments(c)};
    stream_t st = {write, closure};
    aidstat_status_t status =
        aid_render_stream(stream_write, &st, out, width, height, dpi, &meta, draw_all, c, err);
    if (meta.attachments)
        g_ptr_array_free(meta.attachments, TRUE);
    return status;
}

const char *aidstat_chart_describe(const aidstat_chart_t *c)
{
    return c->alt;
}

const char *aidstat_chart_title(const aidstat_chart_t *c)
{
    return c->title;
}

size_t aidstat_chart_warning_count(const aidstat_chart_t *c)
{
    return c->warnings->len;
}

const char *aidstat_chart_warning(const aidstat_chart_t *c, size_t i)
{
    return g_ptr_array_index(c->warnings, i);
}
