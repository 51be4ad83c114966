/* Report specs: front matter, then Markdown parsed by cmark-gfm into the
 * blocks the layout places. Inline figures are expanded in the source
 * before parsing, outside fenced blocks, so every error points at the
 * spec's own line and column. */
#include "config.h"
#include "report/report.h"
#include "report/image.h"
#include "data/error.h"
#include "data/intl.h"
#include "load/loader.h"
#include "chart/chart.h"

#include <cmark-gfm-core-extensions.h>
#include <cmark-gfm.h>
#include <errno.h>
#include <inttypes.h>
#include <math.h>
#include <string.h>

static void block_free(gpointer p)
{
    aid_block_t *b = p;
    g_free(b->markup);
    g_free(b->plain);
    g_free(b->marker);
    if (b->links) {
        for (guint i = 0; i < b->links->len; i++)
            g_free(g_array_index(b->links, aid_link_t, i).uri);
        g_array_free(b->links, TRUE);
    }
    if (b->cells)
        for (size_t i = 0; i < b->ncols * b->nrows; i++)
            g_free(b->cells[i]);
    g_free(b->cells);
    g_free(b->right);
    g_free(b->caption);
    g_free(b->csv);
    g_free(b->note);
    aidstat_chart_free(b->chart);
    if (b->kpi_label) {
        g_ptr_array_free(b->kpi_label, TRUE);
        g_ptr_array_free(b->kpi_value, TRUE);
        g_ptr_array_free(b->kpi_note, TRUE);
    }
    if (b->image)
        cairo_surface_destroy(b->image);
    g_free(b);
}

void aid_spec_free(aid_spec_t *s)
{
    if (!s)
        return;
    g_free(s->path);
    g_free(s->title);
    g_free(s->subtitle);
    g_free(s->author);
    g_free(s->date);
    g_free(s->font);
    g_free(s->theme);
    if (s->blocks)
        g_ptr_array_free(s->blocks, TRUE);
    aidstat_table_free(s->data.table);
    aidstat_table_free(s->data.weapons);
    aidstat_table_free(s->data.sourcing);
    aidstat_eukey_free(s->data.eukey);
    aidstat_regions_free(s->data.regions);
    g_free(s->data.dir);
    if (s->data.sources)
        g_ptr_array_free(s->data.sources, TRUE);
    g_free(s->data.caveat);
    if (s->loads)
        g_ptr_array_free(s->loads, TRUE);
    g_free(s);
}

/* Where a value is in the spec. */
typedef struct {
    long line, col;
} pos_t;

typedef struct {
    aid_spec_t *s;
    const char *path;
    char *dir;
    long offset; /* lines before the Markdown body */
    int figures, tables;
    int nest; /* block quotes and lists open around the node being read */
    aidstat_error_t *err;
    GPtrArray *figtext; /* char*: the text of each {{ }} in the Markdown */
    int footnotes;      /* footnote definitions read so far */
} ctx_t;

/* Deeper block nesting is an error: no report needs it, and the walk
 * recurses once per level. */
#define MAX_NEST 64
/* Emphasis, strong and links nested deeper keep their text but lose their
 * style: Pango's cost grows with the square of overlapping attributes. */
#define MAX_INLINE_NEST 16

static aid_block_t *add_block(ctx_t *x, aid_btype_t type, long line)
{
    aid_block_t *b = g_new0(aid_block_t, 1);
    b->type = type;
    b->line = line;
    g_ptr_array_add(x->s->blocks, b);
    return b;
}

/* The text of n's inlines, without styles, iteratively (no recursion). */
static void inline_text(cmark_node *n, GString *markup, GString *plain)
{
    cmark_iter *it = cmark_iter_new(n);
    cmark_event_type ev;
    while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
        cmark_node *c = cmark_iter_get_node(it);
        if (ev != CMARK_EVENT_ENTER || c == n)
            continue;
        cmark_node_type t = cmark_node_get_type(c);
        const char *lit = t == CMARK_NODE_TEXT || t == CMARK_NODE_CODE || t == CMARK_NODE_HTML_INLINE
                              ? cmark_node_get_literal(c)
                          : t == CMARK_NODE_SOFTBREAK || t == CMARK_NODE_LINEBREAK ? " "
                                                                                   : NULL;
        if (lit && !(t == CMARK_NODE_HTML_INLINE && g_str_has_prefix(lit, "<!--"))) {
            char *e = g_markup_escape_text(lit, -1);
            g_string_append(markup, e);
            g_string_append(plain, lit);
            g_free(e);
        }
    }
    cmark_iter_free(it);
}

/* Inline content to Pango markup (escaped) and plain text with link ranges. */
static void inlines_at(cmark_node *n, GString *markup, GString *plain, GArray *links, int depth)
{
    if (depth > MAX_INLINE_NEST) {
        inline_text(n, markup, plain);
        return;
    }
    for (cmark_node *c = cmark_node_first_child(n); c; c = cmark_node_next(c)) {
        const char *lit = cmark_node_get_literal(c);
        switch (cmark_node_get_type(c)) {
        case CMARK_NODE_TEXT: {
            char *e = g_markup_escape_text(lit ? lit : "", -1);
            g_string_append(markup, e);
            g_string_append(plain, lit ? lit : "");
            g_free(e);
            break;
        }
        case CMARK_NODE_CODE: {
            char *e = g_markup_escape_text(lit ? lit : "", -1);
            g_string_append_printf(markup, "<tt>%s</tt>", e);
            g_string_append(plain, lit ? lit : "");
            g_free(e);
            break;
        }
        case CMARK_NODE_SOFTBREAK:
            g_string_append_c(markup, ' ');
            g_string_append_c(plain, ' ');
            break;
        case CMARK_NODE_LINEBREAK:
            g_string_append_c(markup, '\n');
            g_string_append_c(plain, '\n');
            break;
        case CMARK_NODE_EMPH:
            g_string_append(markup, "<i>");
            inlines_at(c, markup, plain, links, depth + 1);
            g_string_append(markup, "</i>");
            break;
        case CMARK_NODE_STRONG:
            g_string_append(markup, "<b>");
            inlines_at(c, markup, plain, links, depth + 1);
            g_string_append(markup, "</b>");
            break;
        case CMARK_NODE_LINK: {
            aid_link_t l = {g_strdup(cmark_node_get_url(c)), (int)plain->len, 0};
            g_string_append(markup, "<span foreground=\"#0072B2\" underline=\"single\">");
            inlines_at(c, markup, plain, links, depth + 1);
            g_string_append(markup, "</span>");
            l.end = (int)plain->len;
            g_array_append_val(links, l);
            break;
        }
        case CMARK_NODE_HTML_INLINE:
            /* text is text: "<b>" in a spec is shown, not obeyed; comments are dropped */
            if (lit && !g_str_has_prefix(lit, "<!--")) {
                char *e = g_markup_escape_text(lit, -1);
                g_string_append(markup, e);
                g_string_append(plain, lit);
                g_free(e);
            }
            break;
        case CMARK_NODE_FOOTNOTE_REFERENCE: {
            const char *ref = cmark_node_get_literal(c);
            char *e = g_markup_escape_text(ref ? ref : "*", -1); /* [^a&b] is a label too */
            g_string_append_printf(markup, "<sup>%s</sup>", e);
            g_free(e);
            g_string_append(plain, ref ? ref : "*");
            break;
        }
        default:
            inlines_at(c, markup, plain, links, depth + 1);
            break;
        }
    }
}

static void inlines(cmark_node *n, GString *markup, GString *plain, GArray *links)
{
    inlines_at(n, markup, plain, links, 0);
}

static aid_block_t *text_block(ctx_t *x, aid_btype_t type, cmark_node *n, int level)
{
    aid_block_t *b = add_block(x, type, x->offset + cmark_node_get_start_line(n));
    GString *m = g_string_new(NULL), *p = g_string_new(NULL);
    b->links = g_array_new(FALSE, FALSE, sizeof(aid_link_t));
    inlines(n, m, p, b->links);
    b->markup = g_string_free(m, FALSE);
    b->plain = g_string_free(p, FALSE);
    b->level = level;
    return b;
}

/* "key: value" lines of a fenced block into options; a key given twice is
 * an error (one of the two would be ignored). */
static aidstat_status_t block_opts(ctx_t *x, const char *body, long line, aid_opts_t *o)
{
    gchar **lines = g_strsplit(body, "\n", -1);
    aidstat_status_t st = AIDSTAT_OK;
    for (guint i = 0; lines[i] && st == AIDSTAT_OK; i++) {
        char *colon = strchr(lines[i], ':');
        if (!colon) /* blank lines are allowed */
            continue;
        *colon = '\0';
        char *key = g_strstrip(g_ascii_strdown(lines[i], -1));
        if (aid_opts_get(o, key))
            st = aid_error_set(x->err, AIDSTAT_ERR_USAGE, x->path, line + 1 + (long)i, 1,
                               "\"%s\" is given twice in this block", key);
        else
            aid_opts_add(o, lines[i], colon + 1, line + 1 + i, 1);
        g_free(key);
    }
    g_strfreev(lines);
    return st;
}

static const char *const chart_keys[] = {
    "kind",           "by",   "top",    "interval",   "type",  "measure", "donor", "recipient", "region",
    "from",           "to",   "per",    "cumulative", "trend", "percent", "facet", "highlight", "title",
    "subtitle",       "note", "height", "caption",    "log",   "sort",    "theme", "events",    "data",
    "eu_attribution", NULL};
static const char *const table_keys[] = {
    "by",   "top",  "type",       "measure", "donor", "recipient", "region", "from",           "to", "per",
    "stat", "sort", "cumulative", "caption", "trend", "interval",  "data",   "eu_attribution", NULL};

static char *fmt_money(const aid_rdata_t *d, double v, double scale, const char *cur, char *buf, size_t len)
{
    if (isnan(v))
        return g_strlcpy(buf, L_("n/a"), len), buf;
    char n[64];
    aid_num(v / scale, aidstat_currency_is_tiv(cur) ? 0 : 2, d->locale, n, sizeof n); /* whole TIV millions */
    g_strlcpy(buf, n, len);
    return buf;
}

/* An error of a block's computation, placed at the block; a data row it
 * named ("this row is the first of them") is kept in the message. */
static void place_at_block(ctx_t *x, long line)
{
    aidstat_error_t *e = x->err;
    if (e->line && !strcmp(e->file, x->path))
        return; /* the spec's own position already */
    if (e->line > 0 && e->file[0]) {
        char *at = g_strdup_printf(" (%s:%ld)", e->file, e->line);
        g_strlcat(e->message, at, sizeof e->message);
        if (e->wording[0])
            g_strlcat(e->wording, at, sizeof e->wording);
        g_free(at);
    }
    g_strlcpy(e->file, x->path, sizeof e->file);
    e->line = line;
    e->column = 1;
}

static aidstat_status_t table_from_compare(ctx_t *x, aid_block_t *b, aid_opts_t *o)
{
    aid_rdata_t *d = &x->s->data;
    aidstat_error_t *err = x->err;
    aidstat_filter_t *f = aid_query_filter(d, o, false, err);
    if (!f)
        return err->code;
    aidstat_result_t *r = aid_query_compare(d, o, f, AIDSTAT_KEY_DONOR, err);
    aidstat_filter_free(f);
    if (!r)
        return err->code; /* placed at the block by the caller (place_at_block) */
    /* its title, every filter in it, as compare and a chart of it state it */
    aidstat_wording_t w;
    aidstat_wording_from_result(&w, r);
    g_free(b->caption);
    b->caption = aidstat_wording_title(&w);
    size_t nc = aidstat_result_cols(r);
    bool additive = aidstat_result_additive(r);
    bool per = aidstat_result_per(r) != AIDSTAT_PER_NONE;
    double maxabs = 0;
    for (size_t i = 0; i < aidstat_result_rows(r); i++)
        maxabs = fmax(maxabs, fabs(aidstat_result_value(r, i)));
    maxabs = fmax(maxabs, isnan(aidstat_result_total(r)) ? 0 : fabs(aidstat_result_total(r)));
    const char *cur = aidstat_result_currency(r);
    double scale = per ? 1 : aidstat_scale_pick_for(cur, maxabs);
    char unit[64];
    if (per) {
        snprintf(unit, sizeof unit, "%% of GDP");
    } else {
        char *u = aidstat_wording_unit(cur, scale, false);
        g_strlcpy(unit, u, sizeof unit);
        g_free(u);
    }
    b->ncols = 1 + nc + (nc && !additive ? 0 : 1) + (additive ? 1 : 0);
    size_t rows = aidstat_result_rows(r) + 1 + (additive || per ? 1 : 0);
    b->nrows = rows;
    b->header_rows = 1;
    b->cells = g_new0(char *, b->ncols *rows);
    b->right = g_new0(bool, b->ncols);
    size_t k = 0;
    char buf[96];
    b->cells[k++] = g_strdup(aidstat_wording_key_title(aidstat_result_key(r, 0), cur));
    for (size_t j = 0; j < nc; j++)
        b->cells[k++] = g_markup_escape_text(aidstat_result_col_label(r, j), -1);
    if (!(nc && !additive))
        b->cells[k++] = g_strdup(nc ? L_("Total") : unit);
    if (additive)
        b->cells[k++] = g_strdup(L_("Share"));
    for (size_t j = 1; j < b->ncols; j++)
        b->right[j] = true;
    for (size_t i = 0; i < aidstat_result_rows(r) + (additive || per ? 1 : 0); i++) {
        bool total = i == aidstat_result_rows(r);
        const char *label =
            total ? (aidstat_result_total_label(r)[0] ? aidstat_result_total_label(r) : L_("Total"))
                  : aidstat_result_row_label(r, i);
        char *e = g_markup_escape_text(label, -1);
        b->cells[k++] = total ? g_strdup_printf("<b>%s</b>", e) : g_strdup(e);
        g_free(e);
        for (size_t j = 0; j < nc; j++)
            b->cells[k++] =
                g_strdup(fmt_money(d, total ? aidstat_result_col_total(r, j) : aidstat_result_cell(r, i, j),
                                   scale, cur, buf, sizeof buf));
        if (!(nc && !additive)) {
            double v = total ? aidstat_result_total(r) : aidstat_result_value(r, i);
            if (per) {
                char n[64];
                aid_num(v, 3, d->locale, n, sizeof n);
                b->cells[k++] = g_strdup(isnan(v) ? L_("n/a") : n);
            } else {
                b->cells[k++] = g_strdup(fmt_money(d, v, scale, cur, buf, sizeof buf));
            }
        }
        if (additive) {
            double sh = total ? 1.0 : aidstat_result_share(r, i);
            char n[64];
            aid_num(sh * 100, 1, d->locale, n, sizeof n);
            b->cells[k++] = isnan(sh) ? g_strdup("") : g_strdup_printf("%s %%", n);
        }
    }
    int y0, m0, y1, m1;
    char a[32], bb[32];
    aidstat_result_period(r, &y0, &m0, &y1, &m1);
    int m = aidstat_result_measure(r);
    char *ml = g_strdup(m >= 0 ? aidstat_wording_measure(m) : L_("several measures"));
    GString *note = g_string_new(NULL);
    char *tiv = aidstat_wording_unit_statement(cur, scale, NULL, 0);
    const char *gdp = L_("of donor GDP"); /* after "% " */
    char *pct_gdp = g_strconcat("% ", gdp, NULL);
    g_string_append_printf(
        note, L_("%s, %s, %s%s, %s – %s. Source: %s."), ml, aid_gettext_ctx("type", aidstat_result_types(r)),
        per                            ? pct_gdp
        : aidstat_currency_is_tiv(cur) ? tiv
                                       : unit,
        per || aidstat_currency_is_tiv(cur) ? "" : L_(" (nominal)"),
        aidstat_period_format(y0, m0, a, sizeof a), aidstat_period_format(y1, m1, bb, sizeof bb),
        aidstat_result_source(r)[0] ? aidstat_result_source(r) : L_("not stated"));
    g_free(tiv);
    g_free(pct_gdp);
    for (size_t i = 0; i < aidstat_result_note_count(r); i++) {
        size_t n = aidstat_result_note_count_param(r, i, 0);
        if (aidstat_result_note_code(r, i) == AIDSTAT_NOTE_NOT_SHOWN) /* worded for a spec */
            g_string_append_printf(
                note,
                strcmp(aidstat_result_note_subject(r, i), "groups")
                    ? LP_(" %zu more rows not shown (top=%zu).", " %zu more rows not shown (top=%zu).", n)
                    : LP_(" %zu more groups not shown (top=%zu).", " %zu more groups not shown (top=%zu).",
                          n),
                n, aidstat_result_note_count_param(r, i, 1));
        else {
            /* a sentence of its own: in German a capital after the full
             * stop (the English notes keep the words they always had) */
            const char *t = aidstat_result_note(r, i);
            if (t[0])
                g_string_append_printf(note, " %c%s.", aid_lang_de() ? g_ascii_toupper(t[0]) : t[0], t + 1);
        }
    }
    note->str[0] = g_ascii_toupper(note->str[0]);
    b->note = g_string_free(note, FALSE);
    if (!d->no_attach)
        b->csv = aidstat_result_csv(r, ',', 0, NULL);
    g_free(ml);
    aidstat_result_free(r);
    return AIDSTAT_OK;
}

static aidstat_status_t table_from_trend(ctx_t *x, aid_block_t *b, aid_opts_t *o)
{
    aid_rdata_t *d = &x->s->data;
    aidstat_error_t *err = x->err;
    aidstat_filter_t *f = aid_query_filter(d, o, false, err);
    if (!f)
        return err->code;
    aidstat_series_t *s = aid_query_series(d, o, f, err);
    aidstat_result_t *totals = s && !d->no_attach ? aid_query_totals(d, o, f, 0, err) : NULL;
    aidstat_filter_free(f);
    if (!s || (!totals && !d->no_attach)) {
        aidstat_series_free(s);
        return err->code;
    }
    if (totals)
        b->csv = aidstat_result_csv(totals, ',', 0, NULL);
    aidstat_result_free(totals);
    size_t len = aidstat_series_length(s), a, e;
    aidstat_series_complete_span(s, &a, &e);
    size_t ng = aidstat_series_groups(s);
    double top = 0;
    if (aid_opts_number(o, "top", true, 0, 100000, "a whole number", &top, err) != AIDSTAT_OK) {
        aidstat_series_free(s);
        return err->code;
    }
    if (top && (size_t)top < ng)
        ng = (size_t)top;
    double maxabs = 0;
    for (size_t g = 0; g < ng; g++)
        for (size_t t = 0; t < len; t++)
            maxabs = fmax(maxabs, fabs(aidstat_series_values(s, g)[t]));
    double scale = aidstat_scale_pick(maxabs);
    /* xgettext:no-c-format */
    const char *heads[] = {"", L_("Slope per year"), L_("95 % CI"),
                           /* xgettext:no-c-format */
                           L_("Growth % per year"), "R²"};
    b->ncols = 5;
    b->nrows = ng + 1;
    b->header_rows = 1;
    b->cells = g_new0(char *, b->ncols * b->nrows);
    b->right = g_new0(bool, b->ncols);
    for (size_t j = 0; j < 5; j++) {
        b->cells[j] = g_strdup(j ? heads[j] : L_("Group"));
        b->right[j] = j > 0;
    }
    char buf[64], b2[64];
    for (size_t g = 0; g < ng; g++) {
        char **row = b->cells + (g + 1) * 5;
        char *gl = aid_label_people(aidstat_series_key(s), aidstat_series_group(s, g), NULL);
        row[0] = g_markup_escape_text(gl, -1);
        g_free(gl);
        aidstat_group_fit_t fit;
        aidstat_series_fit_group(s, g, &fit);
        const aidstat_trend_t *tr = &fit.trend;
        if (fit.trend_status == AIDSTAT_OK) {
            row[1] = g_strdup(fmt_money(d, tr->slope_per_year, scale, "", buf, sizeof buf));
            fmt_money(d, tr->slope_per_year_lo, scale, "", buf, sizeof buf);
            fmt_money(d, tr->slope_per_year_hi, scale, "", b2, sizeof b2);
            row[2] = g_strdup_printf(L_("%s to %s"), buf, b2);
            aid_num(tr->r2, 2, d->locale, buf, sizeof buf);
            row[4] = g_strdup(buf);
        } else {
            row[1] = g_strdup(L_("n/a"));
            row[2] = g_strdup("");
            row[4] = g_strdup(L_("n/a"));
        }
        if (fit.growth_status == AIDSTAT_OK) {
            aid_num(fit.growth.rate, 1, d->locale, buf, sizeof buf);
            row[3] = g_strdup(buf);
        } else {
            row[3] = g_strdup(L_("n/a"));
        }
    }
    char p0[32], p1[32];
    aidstat_series_period_label(s, a, p0, sizeof p0);
    aidstat_series_period_label(s, e ? e - 1 : 0, p1, sizeof p1);
    const char *cur = aidstat_series_currency(s);
    aidstat_interval_t ivl = aidstat_series_interval(s);
    const char *fmt =
        ivl == AIDSTAT_INTERVAL_YEAR
            ? L_("Least-squares trend of the yearly flows %s – %s (%zu complete periods), %s per year "
                 "(nominal); growth: log-linear fit, n/a where a period is zero. Source: %s.")
        : ivl == AIDSTAT_INTERVAL_QUARTER
            ? L_("Least-squares trend of the quarterly flows %s – %s (%zu complete periods), %s per "
                 "quarter (nominal); growth: log-linear fit, n/a where a period is zero. Source: %s.")
            : L_("Least-squares trend of the monthly flows %s – %s (%zu complete periods), %s per month "
                 "(nominal); growth: log-linear fit, n/a where a period is zero. Source: %s.");
    char *unit =
        aid_lang_de()
            ? aidstat_wording_unit(cur, scale, false)
            : g_strdup_printf("%s %s", aidstat_currency_symbol(cur) ? aidstat_currency_symbol(cur) : cur,
                              aidstat_scale_word(scale, false));
    b->note = g_strdup_printf(fmt, p0, p1, e - a, unit,
                              aidstat_series_source(s)[0] ? aidstat_series_source(s) : L_("not stated"));
    g_free(unit);
    aidstat_series_free(s);
    return AIDSTAT_OK;
}

/* A ```kpi block: one headline figure per line, "Label = FIGURE [; note]". */
static aidstat_status_t kpi_block(ctx_t *x, const char *body, long line)
{
    aid_rdata_t *d = &x->s->data;
    aidstat_status_t st = AIDSTAT_OK;
    aid_block_t *b = add_block(x, AID_B_KPI, line);
    b->kpi_label = g_ptr_array_new_with_free_func(g_free);
    b->kpi_value = g_ptr_array_new_with_free_func(g_free);
    b->kpi_note = g_ptr_array_new_with_free_func(g_free);
    gchar **lines = g_strsplit(body, "\n", -1);
    for (guint i = 0; lines[i] && st == AIDSTAT_OK; i++) {
        /* columns count characters of the line as written, indentation included */
        char *ln = lines[i];
        const char *first = ln + strspn(ln, " \t");
        if (!*first)
            continue;
        long l = line + 1 + i;
        char *eq = strchr(ln, '=');
        if (!eq) {
            st = aid_error_set(x->err, AIDSTAT_ERR_USAGE, x->path, l, (long)(first - ln) + 1,
                               "kpi: write Label = FIGURE [; note]");
            break;
        }
        *eq = '\0';
        char *expr = eq + 1, *semi = strchr(expr, ';');
        if (semi)
            *semi = '\0';
        expr += strspn(expr, " \t");
        char *v = aid_expr_eval(d, expr, x->path, l, g_utf8_pointer_to_offset(ln, expr) + 1, x->err);
        char *note = NULL;
        if (semi) {
            char *nt = semi + 1 + strspn(semi + 1, " \t");
            note =
                aid_expr_expand(d, g_strchomp(nt), x->path, l, g_utf8_pointer_to_offset(ln, nt) + 1, x->err);
        } else {
            note = g_strdup("");
        }
        if (!v || !note) {
            g_free(v);
            g_free(note);
            st = x->err->code ? x->err->code : AIDSTAT_ERR_DATA;
            break;
        }
        g_ptr_array_add(b->kpi_label, g_strstrip(g_strdup(ln)));
        g_ptr_array_add(b->kpi_value, v);
        g_ptr_array_add(b->kpi_note, note);
    }
    g_strfreev(lines);
    return st;
}

static aidstat_status_t fenced(ctx_t *x, cmark_node *n)
{
    const char *info = cmark_node_get_fence_info(n);
    const char *body = cmark_node_get_literal(n);
    long line = x->offset + cmark_node_get_start_line(n);
    char *kind = g_strstrip(g_strdup(info ? info : ""));
    aidstat_status_t st = AIDSTAT_OK;
    aid_opts_t o;
    aid_opts_init(&o, x->path);
    aid_rdata_t *d = &x->s->data;
    if (!strcmp(kind, "chart")) {
        if ((st = block_opts(x, body, line, &o)) != AIDSTAT_OK ||
            (st = aid_opts_check(&o, chart_keys, line, 1, x->err)) != AIDSTAT_OK)
            goto out;
        aid_block_t *b = add_block(x, AID_B_CHART, line);
        /* the chart's own minimum, so a chart that passes here is drawn */
        double mm = 85.0;
        if ((st = aid_opts_number(&o, "height", false, ceil(AID_CHART_MIN_H * 25.4 / 72.0), 240,
                                  "millimetres", &mm, x->err)) != AIDSTAT_OK)
            goto out;
        b->height = mm * 72.0 / 25.4;
        b->chart = aid_query_chart(d, &o, x->err);
        if (!b->chart) {
            /* place the message at the block */
            place_at_block(x, line);
            st = x->err->code ? x->err->code : AIDSTAT_ERR_DATA;
            goto out;
        }
        b->number = ++x->figures;
        const char *cap = aid_opts_get(&o, "caption");
        b->caption = g_strdup(cap ? cap : aidstat_chart_title(b->chart));
    } else if (!strcmp(kind, "table")) {
        if ((st = block_opts(x, body, line, &o)) != AIDSTAT_OK ||
            (st = aid_opts_check(&o, table_keys, line, 1, x->err)) != AIDSTAT_OK)
            goto out;
        aid_block_t *b = add_block(x, AID_B_TABLE, line);
        bool trend = false;
        st = aid_opts_bool(&o, "trend", &trend, x->err);
        if (st == AIDSTAT_OK)
            st = trend ? table_from_trend(x, b, &o) : table_from_compare(x, b, &o);
        if (st != AIDSTAT_OK) {
            place_at_block(x, line);
            goto out;
        }
        b->number = ++x->tables;
        const char *cap = aid_opts_get(&o, "caption");
        if (cap || !b->caption) {
            g_free(b->caption);
            b->caption = g_strdup(cap ? cap : "");
        }
    } else if (!strcmp(kind, "releases")) {
        block_opts(x, body, line, &o);
        bool chart = aid_releases_block_is_chart(&o);
        aid_block_t *b = add_block(x, chart ? AID_B_CHART : AID_B_TABLE, line);
        const char *h = aid_opts_get(&o, "height");
        b->height = (h ? g_ascii_strtod(h, NULL) : 85.0) * 72.0 / 25.4;
        if ((st = aid_releases_block(d, x->path, &o, line, b, x->err)) != AIDSTAT_OK)
            goto out;
        b->number = chart ? ++x->figures : ++x->tables;
        const char *cap = aid_opts_get(&o, "caption");
        b->caption = g_strdup(cap     ? cap
                              : chart ? aidstat_chart_title(b->chart)
                                      : "The same selection in each release");
    } else if (!strcmp(kind, "diff")) {
        block_opts(x, body, line, &o);
        bool chart = aid_diff_block_is_chart(&o);
        aid_block_t *b = add_block(x, chart ? AID_B_CHART : AID_B_TABLE, line);
        const char *h = aid_opts_get(&o, "height");
        b->height = (h ? g_ascii_strtod(h, NULL) : 85.0) * 72.0 / 25.4;
        if ((st = aid_diff_block(d, &o, line, b, x->err)) != AIDSTAT_OK) {
            place_at_block(x, line);
            goto out;
        }
        b->number = chart ? ++x->figures : ++x->tables;
        const char *cap = aid_opts_get(&o, "caption");
        b->caption = g_strdup(cap     ? cap
                              : chart ? aidstat_chart_title(b->chart)
                                      : "What changed since the previous release");
    } else if (!strcmp(kind, "kpi")) {
        st = kpi_block(x, body, line);
    } else if (!strcmp(kind, "sources")) {
        aid_block_t *b = add_block(x, AID_B_QUOTE, line);
        GString *m = g_string_new(NULL);
        for (guint i = 0; i < d->sources->len; i++) {
            char *e = g_markup_escape_text(g_ptr_array_index(d->sources, i), -1);
            g_string_append_printf(m, "%s%s", i ? "\n" : "", e);
            g_free(e);
        }
        b->markup = g_string_free(m, FALSE);
        b->plain = g_strdup("");
    } else {
        aid_block_t *b = add_block(x, AID_B_CODE, line);
        b->markup = g_markup_escape_text(body ? body : "", -1);
        size_t len = strlen(b->markup);
        while (len && b->markup[len - 1] == '\n')
            b->markup[--len] = '\0';
        b->plain = g_strdup("");
    }
out:
    aid_opts_clear(&o);
    g_free(kind);
    return st;
}

static aidstat_status_t walk(ctx_t *x, cmark_node *parent, int depth);

static aidstat_status_t too_deep(ctx_t *x, cmark_node *n)
{
    return aid_error_set(x->err, AIDSTAT_ERR_INPUT, x->path, x->offset + cmark_node_get_start_line(n),
                         cmark_node_get_start_column(n),
                         "blocks nested more than %d deep (block quotes and lists)", MAX_NEST);
}

static aidstat_status_t list_items(ctx_t *x, cmark_node *n, int depth);

static aidstat_status_t list(ctx_t *x, cmark_node *n, int depth)
{
    if (x->nest >= MAX_NEST)
        return too_deep(x, n);
    x->nest++;
    aidstat_status_t st = list_items(x, n, depth);
    x->nest--;
    return st;
}

static aidstat_status_t list_items(ctx_t *x, cmark_node *n, int depth)
{
    bool ordered = cmark_node_get_list_type(n) == CMARK_ORDERED_LIST;
    int num = cmark_node_get_list_start(n);
    for (cmark_node *item = cmark_node_first_child(n); item; item = cmark_node_next(item), num++) {
        bool first = true;
        for (cmark_node *c = cmark_node_first_child(item); c; c = cmark_node_next(c)) {
            if (cmark_node_get_type(c) == CMARK_NODE_PARAGRAPH) {
                aid_block_t *b = text_block(x, AID_B_ITEM, c, depth + 1);
                b->marker = first ? (ordered ? g_strdup_printf("%d.", num) : g_strdup("•")) : g_strdup("");
                first = false;
            } else {
                aidstat_status_t st =
                    cmark_node_get_type(c) == CMARK_NODE_LIST ? list(x, c, depth + 1) : walk(x, c, depth + 1);
                if (st != AIDSTAT_OK)
                    return st;
            }
        }
    }
    return AIDSTAT_OK;
}

/* A cell that begins with a currency symbol ("\u20ac5.6 bn"): a number. */
static bool starts_with_symbol(const char *t)
{
    static const char *const codes[] = {"EUR", "USD", "GBP"};
    for (size_t i = 0; i < G_N_ELEMENTS(codes); i++)
        if (g_str_has_prefix(t, aidstat_currency_symbol(codes[i])))
            return true;
    return false;
}

static aidstat_status_t gfm_table(ctx_t *x, cmark_node *n)
{
    aid_block_t *b = add_block(x, AID_B_TABLE, x->offset + cmark_node_get_start_line(n));
    GPtrArray *cells = g_ptr_array_new();
    size_t cols = 0, rows = 0;
    for (cmark_node *row = cmark_node_first_child(n); row; row = cmark_node_next(row), rows++) {
        size_t c = 0;
        for (cmark_node *cell = cmark_node_first_child(row); cell; cell = cmark_node_next(cell), c++) {
            GString *m = g_string_new(NULL), *p = g_string_new(NULL);
            GArray *links = g_array_new(FALSE, FALSE, sizeof(aid_link_t));
            inlines(cell, m, p, links);
            for (guint i = 0; i < links->len; i++)
                g_free(g_array_index(links, aid_link_t, i).uri);
            g_array_free(links, TRUE);
            g_string_free(p, TRUE);
            g_ptr_array_add(cells, g_string_free(m, FALSE));
        }
        cols = MAX(cols, c);
        while (c++ < cols)
            g_ptr_array_add(cells, g_strdup(""));
    }
    b->ncols = cols;
    b->nrows = rows;
    b->header_rows = 1;
    b->cells = g_new0(char *, cols *rows + 1);
    for (guint i = 0; i < cells->len && i < cols * rows; i++)
        b->cells[i] = g_ptr_array_index(cells, i);
    g_ptr_array_free(cells, TRUE);
    b->right = g_new0(bool, cols);
    /* numbers read right-aligned */
    for (size_t j = 0; j < cols; j++) {
        bool num = rows > 1;
        for (size_t i = 1; i < rows && num; i++) {
            const char *t = b->cells[i * cols + j];
            num = t && (g_ascii_isdigit(t[0]) || t[0] == '-' || starts_with_symbol(t));
        }
        b->right[j] = num;
    }
    b->number = 0; /* a Markdown table has no caption of ours */
    return AIDSTAT_OK;
}

/* A block of HTML is text, shown as written, as inline HTML is: a PDF has
 * no HTML to obey, and dropping it would drop its words and figures.
 * A block that is only a comment is left out, as inline comments are. */
static void html_block(ctx_t *x, cmark_node *n)
{
    const char *lit = cmark_node_get_literal(n);
    char *t = g_strdup(lit ? lit : "");
    g_strchomp(t);
    const char *close = g_str_has_prefix(t, "<!--") ? strstr(t + 4, "-->") : NULL;
    if (t[0] && !(close && !close[3])) {
        aid_block_t *b = add_block(x, AID_B_PARA, x->offset + cmark_node_get_start_line(n));
        b->markup = g_markup_escape_text(t, -1);
        b->plain = g_strdup(t);
        b->links = g_array_new(FALSE, FALSE, sizeof(aid_link_t));
    }
    g_free(t);
}

static aidstat_status_t walk_children(ctx_t *x, cmark_node *parent, int depth);

static aidstat_status_t walk(ctx_t *x, cmark_node *parent, int depth)
{
    if (x->nest >= MAX_NEST)
        return too_deep(x, parent);
    x->nest++;
    aidstat_status_t st = walk_children(x, parent, depth);
    x->nest--;
    return st;
}

static aidstat_status_t walk_children(ctx_t *x, cmark_node *parent, int depth)
{
    for (cmark_node *n = cmark_node_first_child(parent); n; n = cmark_node_next(n)) {
        aidstat_status_t st = AIDSTAT_OK;
        const char *type = cmark_node_get_type_string(n);
        switch (cmark_node_get_type(n)) {
        case CMARK_NODE_HEADING:
            text_block(x, AID_B_HEADING, n, cmark_node_get_heading_level(n));
            break;
        case CMARK_NODE_PARAGRAPH: {
            /* a paragraph holding only an image is the image */
            cmark_node *c = cmark_node_first_child(n);
            if (c && cmark_node_get_type(c) == CMARK_NODE_IMAGE && !cmark_node_next(c)) {
                const char *url = cmark_node_get_url(c);
                char *path = aid_spec_file(&x->s->data, x->path, url, "image",
                                           x->offset + cmark_node_get_start_line(n),
                                           cmark_node_get_start_column(n), x->err);
                if (!path) {
                    st = x->err->code;
                    break;
                }
                double iw = 0, ih = 0;
                char *why = NULL;
                cairo_surface_t *img = aid_image_load(path, url, &iw, &ih, &why);
                g_free(path);
                if (!img) {
                    st = aid_error_set(x->err, AIDSTAT_ERR_INPUT, x->path,
                                       x->offset + cmark_node_get_start_line(n),
                                       cmark_node_get_start_column(n), "%s", why);
                    g_free(why);
                    break;
                }
                aid_block_t *b = text_block(x, AID_B_IMAGE, c, 0);
                b->image = img;
                b->image_w = iw;
                b->image_h = ih;
                b->number = ++x->figures;
                b->caption = g_strdup(b->plain);
                break;
            }
            text_block(x, AID_B_PARA, n, depth);
            break;
        }
        case CMARK_NODE_LIST:
            st = list(x, n, depth);
            break;
        case CMARK_NODE_BLOCK_QUOTE: {
            guint before = x->s->blocks->len;
            st = walk(x, n, depth);
            for (guint i = before; i < x->s->blocks->len; i++) {
                aid_block_t *b = g_ptr_array_index(x->s->blocks, i);
                if (b->type == AID_B_PARA)
                    b->type = AID_B_QUOTE;
            }
            break;
        }
        case CMARK_NODE_CODE_BLOCK:
            st = fenced(x, n);
            break;
        case CMARK_NODE_THEMATIC_BREAK:
            add_block(x, AID_B_RULE, x->offset + cmark_node_get_start_line(n));
            break;
        case CMARK_NODE_FOOTNOTE_DEFINITION: {
            guint before = x->s->blocks->len;
            st = walk(x, n, depth);
            if (before < x->s->blocks->len) {
                aid_block_t *b = g_ptr_array_index(x->s->blocks, before);
                b->type = AID_B_ITEM;
                /* cmark-gfm numbers references in the order they are first
                 * made and puts the definitions in that order: the n-th
                 * definition is note n, marked as its reference shows it */
                static const char *const sup[] = {"⁰", "¹", "²", "³", "⁴", "⁵", "⁶", "⁷", "⁸", "⁹"};
                char num[16];
                snprintf(num, sizeof num, "%d", ++x->footnotes);
                GString *m = g_string_new(NULL);
                for (const char *d = num; *d; d++)
                    g_string_append(m, sup[*d - '0']);
                b->marker = g_string_free(m, FALSE);
            }
            break;
        }
        case CMARK_NODE_HTML_BLOCK:
            html_block(x, n);
            break;
        default:
            if (type && !strcmp(type, "table"))
                st = gfm_table(x, n);
            else
                st = walk(x, n, depth);
            break;
        }
        if (st != AIDSTAT_OK)
            return st;
    }
    return AIDSTAT_OK;
}

/* The figures back into the parsed Markdown: in text, code spans, inline
 * and block HTML, link and image addresses, as they are. */
static void fill_figures(cmark_node *doc, const GPtrArray *figures)
{
    if (!figures->len)
        return;
    cmark_iter *it = cmark_iter_new(doc);
    cmark_event_type ev;
    while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
        cmark_node *n = cmark_iter_get_node(it);
        if (ev != CMARK_EVENT_ENTER)
            continue;
        char *t;
        switch (cmark_node_get_type(n)) {
        case CMARK_NODE_TEXT:
        case CMARK_NODE_CODE:
        case CMARK_NODE_HTML_INLINE:
        case CMARK_NODE_HTML_BLOCK:
            if (cmark_node_get_literal(n) && (t = aid_expr_fill(cmark_node_get_literal(n), figures))) {
                cmark_node_set_literal(n, t);
                g_free(t);
            }
            break;
        case CMARK_NODE_LINK:
        case CMARK_NODE_IMAGE:
            if (cmark_node_get_url(n) && (t = aid_expr_fill(cmark_node_get_url(n), figures))) {
                cmark_node_set_url(n, t);
                g_free(t);
            }
            break;
        default:
            break;
        }
    }
    cmark_iter_free(it);
}

/* Expand {{ }} outside fenced blocks, line by line, keeping positions. */
/* The words of a line that is only "{{ ... }}", or NULL. */
static char *directive(const char *t)
{
    if (!g_str_has_prefix(t, "{{"))
        return NULL;
    const char *close = strstr(t + 2, "}}");
    if (!close || close[2 + strspn(close + 2, " \t\r")])
        return NULL;
    char *d = g_strndup(t + 2, (gsize)(close - t - 2));
    return g_strstrip(d);
}

static char *expand_body(ctx_t *x, const char *body)
{
    gchar **lines = g_strsplit(body, "\n", -1);
    GString *out = g_string_new(NULL);
    bool fence = false;
    char *fence_mark = NULL;
    long if_line = 0; /* the open {{ if }}, or 0 */
    bool skipping = false;
    for (guint i = 0; lines[i]; i++) {
        const char *l = lines[i];
        const char *t = l;
        while (*t == ' ')
            t++;
        /* {{ if weapons }} ... [{{ else }} ...] {{ end }} on lines of their own:
         * the lines between are left out when there are no heavy-weapons data
         * (or, after {{ else }}, when there are). The
         * lines stay as blank ones so later messages keep their line numbers. */
        if (!fence) {
            char *d = directive(t);
            if (d) {
                long ln = x->offset + i + 1;
                aidstat_status_t st = AIDSTAT_OK;
                if (g_str_has_prefix(d, "if ")) {
                    char *what = g_strstrip(d + 3);
                    if (if_line)
                        st = aid_error_set(
                            x->err, AIDSTAT_ERR_USAGE, x->path, ln, (long)(t - l) + 1,
                            "{{ if }} inside {{ if }} (line %ld): close it with {{ end }} first", if_line);
                    else if (strcmp(what, "weapons") && strcmp(what, "sourcing") && strcmp(what, "eu_key"))
                        st = aid_error_set(x->err, AIDSTAT_ERR_USAGE, x->path, ln, (long)(t - l) + 1,
                                           "{{ if %s }}: the condition can be weapons, sourcing or eu_key",
                                           what);
                    if_line = ln;
                    skipping = !strcmp(what, "sourcing") ? !x->s->data.sourcing
                               : !strcmp(what, "eu_key") ? !x->s->data.eukey
                                                         : !x->s->data.weapons;
                } else if (!strcmp(d, "else")) {
                    if (!if_line)
                        st = aid_error_set(x->err, AIDSTAT_ERR_USAGE, x->path, ln, (long)(t - l) + 1,
                                           "{{ else }} without {{ if }}");
                    skipping = !skipping;
                } else if (!strcmp(d, "end")) {
                    if (!if_line)
                        st = aid_error_set(x->err, AIDSTAT_ERR_USAGE, x->path, ln, (long)(t - l) + 1,
                                           "{{ end }} without {{ if }}");
                    if_line = 0;
                    skipping = false;
                } else {
                    g_free(d);
                    d = NULL;
                }
                if (d) {
                    g_free(d);
                    if (st != AIDSTAT_OK) {
                        g_strfreev(lines);
                        g_string_free(out, TRUE);
                        return NULL;
                    }
                    g_string_append_c(out, '\n');
                    continue;
                }
            }
        }
        if (skipping) {
            g_string_append_c(out, '\n');
            continue;
        }
        if (!fence && (g_str_has_prefix(t, "```") || g_str_has_prefix(t, "~~~"))) {
            fence = true;
            fence_mark = g_strndup(t, 3);
        } else if (fence && g_str_has_prefix(t, fence_mark)) {
            fence = false;
            g_free(fence_mark);
            fence_mark = NULL;
        } else if (!fence && strstr(l, "{{")) {
            char *e =
                aid_expr_expand_markdown(&x->s->data, l, x->path, x->offset + i + 1, 1, x->figtext, x->err);
            if (!e) {
                g_strfreev(lines);
                g_string_free(out, TRUE);
                g_free(fence_mark);
                return NULL;
            }
            g_string_append(out, e);
            g_string_append_c(out, '\n');
            g_free(e);
            continue;
        }
        g_string_append(out, l);
        g_string_append_c(out, '\n');
    }
    g_free(fence_mark);
    g_strfreev(lines);
    if (if_line) {
        aid_error_set(x->err, AIDSTAT_ERR_USAGE, x->path, if_line, 1, "{{ if }} without {{ end }}");
        g_string_free(out, TRUE);
        return NULL;
    }
    return g_string_free(out, FALSE);
}

static int add_record(const aidstat_record_t *rec, void *table)
{
    return aidstat_table_append(rec, table);
}

static void source_line(aid_spec_t *s, const aidstat_load_report_t *r)
{
    const char *src = aidstat_load_report_source(r), *rel = aidstat_load_report_release(r);
    int y0, m0, y1, m1;
    aidstat_load_report_period(r, &y0, &m0, &y1, &m1);
    char *period = y0 ? aidstat_wording_period(y0, m0, y1, m1) : g_strdup(L_("no dates"));
    uint64_t read = aidstat_load_report_rows_read(r);
    size_t donors = aidstat_load_report_donor_count(r);
    /* TRANSLATORS: the rows of a data file a report used, in its sources block */
    char *rows =
        g_strdup_printf(LP_("%" PRIu64 " row read, %" PRIu64 " used, %" PRIu64 " rejected",
                            "%" PRIu64 " rows read, %" PRIu64 " used, %" PRIu64 " rejected", read),
                        read, aidstat_load_report_rows_used(r), aidstat_load_report_rows_rejected(r));
    /* TRANSLATORS: one source of a report: "source, release: file; rows; period; N donors." */
    g_ptr_array_add(
        s->data.sources,
        g_strdup_printf(LP_("%s%s%s: %s; %s; %s; %zu donor.", "%s%s%s: %s; %s; %s; %zu donors.", donors),
                        src[0] ? src : L_("Source not stated"), rel[0] ? ", " : "", rel,
                        aidstat_load_report_file(r), rows, period, donors));
    g_free(rows);
    g_free(period);
}

/* What the front matter says, before it is settled: the values spec.c
 * keeps for itself, and where those that are checked later were written. */
typedef struct {
    char *data_files, *weapons, *regions, *page, *orient, *locale;
    pos_t where
        [9]; /* of data:, weapons:, regions:, page:, orientation:, locale:, eu_attribution:, diff:, lang: */
    char *eu_attr;             /* eu_attribution: true or a key file */
    char *diff_old;            /* diff: the previous release's file */
    char *lang;                /* lang: the language of the prose, names and figures (en, de) */
    aidstat_load_options_t lo; /* how the data files are read */
    GPtrArray *lo_keep;
    char *only; /* the only data file: it may bring its own EU attribution key */
} front_t;

static void front_clear(front_t *f)
{
    g_free(f->data_files);
    g_free(f->weapons);
    g_free(f->regions);
    g_free(f->page);
    g_free(f->orient);
    g_free(f->locale);
    g_free(f->eu_attr);
    g_free(f->only);
    g_ptr_array_free(f->lo_keep, TRUE);
    g_free(f->diff_old);
    g_free(f->lang);
}

/* One "key: value" line of the front matter; val starts at column vcol. */
static aidstat_status_t front_key(ctx_t *x, front_t *f, const char *key, const char *val, long line,
                                  long vcol)
{
    aid_spec_t *s = x->s;
    const char *path = x->path;
    aidstat_error_t *err = x->err;
    char **slot = !strcmp(key, "title")            ? &s->title
                  : !strcmp(key, "subtitle")       ? &s->subtitle
                  : !strcmp(key, "author")         ? &s->author
                  : !strcmp(key, "date")           ? &s->date
                  : !strcmp(key, "data")           ? &f->data_files
                  : !strcmp(key, "weapons")        ? &f->weapons
                  : !strcmp(key, "regions")        ? &f->regions
                  : !strcmp(key, "page")           ? &f->page
                  : !strcmp(key, "orientation")    ? &f->orient
                  : !strcmp(key, "font")           ? &s->font
                  : !strcmp(key, "theme")          ? &s->theme
                  : !strcmp(key, "locale")         ? &f->locale
                  : !strcmp(key, "eu_attribution") ? &f->eu_attr
                  : !strcmp(key, "diff")           ? &f->diff_old
                  : !strcmp(key, "lang")           ? &f->lang
                                                   : NULL;
    if (slot) {
        g_free(*slot);
        *slot = g_strdup(val);
        char **const placed[] = {&f->data_files, &f->weapons, &f->regions,  &f->page, &f->orient,
                                 &f->locale,     &f->eu_attr, &f->diff_old, &f->lang};
        for (size_t i = 0; i < G_N_ELEMENTS(placed); i++)
            if (slot == placed[i])
                f->where[i] = (pos_t){line, vcol};
        return AIDSTAT_OK;
    }
    if (!strcmp(key, "toc")) {
        s->toc = !g_ascii_strcasecmp(val, "true") || !g_ascii_strcasecmp(val, "yes");
        if (!s->toc && g_ascii_strcasecmp(val, "false") && g_ascii_strcasecmp(val, "no"))
            return aid_error_set(err, AIDSTAT_ERR_USAGE, path, line, vcol, "toc: \"%s\": true or false", val);
        return AIDSTAT_OK;
    }
    if (!strcmp(key, "attachments")) {
        bool on = !g_ascii_strcasecmp(val, "true") || !g_ascii_strcasecmp(val, "yes");
        if (!on && g_ascii_strcasecmp(val, "false") && g_ascii_strcasecmp(val, "no"))
            return aid_error_set(err, AIDSTAT_ERR_USAGE, path, line, vcol,
                                 "attachments: \"%s\": true or false", val);
        s->data.no_attach = !on;
        return AIDSTAT_OK;
    }
    if (!strcmp(key, "font-size"))
        return aid_spec_number(val, path, line, vcol, "font-size", false, 6, 16, "points", &s->font_size,
                               err);
    int lo_done = aid_spec_load_option(&f->lo, f->lo_keep, key, val, path, line, vcol, err);
    if (lo_done)
        return lo_done < 0 ? err->code : AIDSTAT_OK;
    return aid_error_set(
        err, AIDSTAT_ERR_USAGE, path, line, 1,
        "front matter: unknown key \"%s\" (title, subtitle, author, date, data, weapons, regions, "
        "page, orientation, font, font-size, theme, toc, attachments, lang, locale, eu_attribution, diff; "
        "reading the data: "
        "decimal-comma, decimal-point, unit, map, words, encoding, sheet, "
        "date-order, input-currency, input-format, delimiter)",
        key);
}

/* The front matter between "---" lines, into s and f. Returns the
 * Markdown body (x->offset set to the lines before it), or NULL with
 * x->err set. */
static const char *front_matter(ctx_t *x, front_t *f, const char *text)
{
    if (!g_str_has_prefix(text, "---\n") && !g_str_has_prefix(text, "---\r\n"))
        return text;
    const char *path = x->path, *body = text;
    const char *p = strchr(text, '\n') + 1;
    long line = 2;
    while (*p) {
        const char *e = strchr(p, '\n');
        size_t len = e ? (size_t)(e - p) : strlen(p);
        char *l = g_strndup(p, len);
        long lead = (long)strspn(l, " \t");
        g_strstrip(l);
        if (!strcmp(l, "---")) {
            g_free(l);
            body = e ? e + 1 : p + len;
            x->offset = line;
            break;
        }
        char *colon = strchr(l, ':');
        if (l[0] && !colon) {
            aid_error_set(x->err, AIDSTAT_ERR_USAGE, path, line, 1, "front matter: write key: value");
            g_free(l);
            return NULL;
        }
        if (l[0]) {
            *colon = '\0';
            char *key = g_strstrip(l), *val = colon + 1;
            val += strspn(val, " \t");
            long vcol = lead + g_utf8_pointer_to_offset(l, val) + 1; /* where the value starts */
            g_strstrip(val);
            if (front_key(x, f, key, val, line, vcol) != AIDSTAT_OK) {
                g_free(l);
                return NULL;
            }
        }
        g_free(l);
        if (!e) {
            aid_error_set(x->err, AIDSTAT_ERR_USAGE, path, 1, 1, "front matter: no closing ---");
            return NULL;
        }
        p = e + 1;
        line++;
    }
    if (body == text) {
        aid_error_set(x->err, AIDSTAT_ERR_USAGE, path, 1, 1, "front matter: no closing ---");
        return NULL;
    }
    return body;
}

/* "today" is the document's date: the clock, SOURCE_DATE_EPOCH, or the
 * date the program fixed, which also replaces a date written here. */
static void report_date(aid_spec_t *s)
{
    if (!s->date || !(!strcmp(s->date, "today") || aid_output_date_fixed()))
        return;
    /* in the report's language, not the user's LC_TIME */
    static const char *const en[] = {"January", "February", "March",     "April",   "May",      "June",
                                     "July",    "August",   "September", "October", "November", "December"};
    static const char *const de[] = {"Januar", "Februar", "März",      "April",   "Mai",      "Juni",
                                     "Juli",   "August",  "September", "Oktober", "November", "Dezember"};
    GDateTime *now = aid_output_date_fixed() || aidstat_output_env_date(NULL) == 1
                         ? aid_output_date()
                         : g_date_time_new_now_local();
    int m = g_date_time_get_month(now) - 1;
    g_free(s->date);
    s->date = s->data.locale == AID_LOCALE_DE
                  ? g_strdup_printf("%d. %s %d", g_date_time_get_day_of_month(now), de[m],
                                    g_date_time_get_year(now))
                  : g_strdup_printf("%d %s %d", g_date_time_get_day_of_month(now), en[m],
                                    g_date_time_get_year(now));
    g_date_time_unref(now);
}

/* Page size, orientation, locale, date and title from the front matter. */
static aidstat_status_t front_settle(ctx_t *x, const front_t *f)
{
    aid_spec_t *s = x->s;
    const char *path = x->path;
    if (f->page && !g_ascii_strcasecmp(f->page, "letter"))
        s->page_w = 612, s->page_h = 792;
    else if (f->page && g_ascii_strcasecmp(f->page, "A4"))
        return aid_error_set(x->err, AIDSTAT_ERR_USAGE, path, f->where[3].line, f->where[3].col,
                             "page: \"%s\": A4 or letter", f->page);
    if (f->orient && !g_ascii_strcasecmp(f->orient, "landscape")) {
        double t = s->page_w;
        s->page_w = s->page_h;
        s->page_h = t;
    } else if (f->orient && g_ascii_strcasecmp(f->orient, "portrait")) {
        return aid_error_set(x->err, AIDSTAT_ERR_USAGE, path, f->where[4].line, f->where[4].col,
                             "orientation: \"%s\": portrait or landscape", f->orient);
    }
    if (f->locale && g_ascii_strcasecmp(f->locale, "en") && g_ascii_strcasecmp(f->locale, "de"))
        return aid_error_set(x->err, AIDSTAT_ERR_USAGE, path, f->where[5].line, f->where[5].col,
                             "locale: \"%s\": en or de", f->locale);
    if (f->lang && g_ascii_strcasecmp(f->lang, "en") && g_ascii_strcasecmp(f->lang, "de"))
        return aid_error_set(x->err, AIDSTAT_ERR_USAGE, path, f->where[8].line, f->where[8].col,
                             "lang: \"%s\": en or de", f->lang);
    bool de = f->lang && !g_ascii_strcasecmp(f->lang, "de");
    /* the prose's language is that of the names and months in its tables
     * and charts (as aidstat_set_language), and of its figures unless
     * locale: says otherwise */
    if (f->lang)
        aidstat_set_language(de ? "de" : "en");
    s->data.locale = f->locale ? (!g_ascii_strcasecmp(f->locale, "de") ? AID_LOCALE_DE : AID_LOCALE_EN)
                     : de      ? AID_LOCALE_DE
                               : AID_LOCALE_EN;
    report_date(s);
    if (!s->title)
        s->title = g_path_get_basename(path);
    return AIDSTAT_OK;
}

/* The data files (several: the same refusals as the command line's: one
 * file twice, overlapping records, different views of aid) through fn.
 * *beside gets the folder of the first. */
static aidstat_status_t load_files(ctx_t *x, const front_t *f, gchar **files, bool override,
                                   aidstat_record_fn fn, void *user, char **beside)
{
    aid_spec_t *s = x->s;
    long col = f->where[0].col;
    aidstat_inputs_t *in = files[1] ? aidstat_inputs_new(fn, user, false) : NULL;
    aidstat_status_t st = AIDSTAT_OK;
    for (gchar **n = files; *n && st == AIDSTAT_OK; n++) {
        long at = col + (long)g_utf8_strlen(*n, (gssize)strspn(*n, " \t")); /* where this name starts */
        col += g_utf8_strlen(*n, -1) + 1;
        g_strstrip(*n);
        /* files given in place of the spec's are the user's own choice */
        char *p = override ? g_strdup(*n)
                           : aid_spec_file(&s->data, x->path, *n, "data", f->where[0].line, at, x->err);
        if (!p) {
            aidstat_inputs_free(in);
            return x->err->code;
        }
        if (!*beside)
            *beside = g_path_get_dirname(p);
        if (in && (st = aidstat_inputs_add_file(in, p, x->err)) != AIDSTAT_OK) {
            g_free(p);
            break;
        }
        aidstat_load_report_t *r = aidstat_load_report_new();
        st = in ? aidstat_load_file(p, &f->lo, aidstat_inputs_record, in, r, x->err)
                : aidstat_load_file(p, &f->lo, fn, user, r, x->err);
        if (st == AIDSTAT_OK)
            source_line(s, r);
        if (in)
            aidstat_inputs_add_report(in, r);
        g_ptr_array_add(s->loads, r);
        g_free(p);
    }
    if (in && st == AIDSTAT_OK)
        st = aidstat_inputs_finish(in, x->err);
    aidstat_inputs_free(in);
    return st;
}

/* The report's regions and data: the override, the spec's files, or the
 * embedded dataset, attributed when eu_attribution says so. *beside gets
 * the folder of the first data file (NULL for the embedded data). */
static aidstat_status_t load_data(ctx_t *x, front_t *f, const char *const *data_override, char **beside)
{
    aid_spec_t *s = x->s;
    aidstat_error_t *err = x->err;
    s->data.table = aidstat_table_new();
    if (f->regions) {
        /* from the spec's folder, as data: and weapons: are */
        char *rpath =
            aid_spec_file(&s->data, x->path, f->regions, "regions", f->where[2].line, f->where[2].col, err);
        s->data.regions = rpath ? aidstat_regions_load_file(rpath, err) : NULL;
        g_free(rpath);
    } else {
        s->data.regions = aidstat_regions_load_default(err);
    }
    if (!s->data.regions)
        return err->code;
    gchar **files = data_override   ? g_strdupv((gchar **)data_override)
                    : f->data_files ? g_strsplit(f->data_files, ",", -1)
                                    : NULL;
    aid_report_eu_t *eu = NULL;
    void *load_user = s->data.table;
    /* a key file is a file the spec names: confined as the others */
    if (f->eu_attr && s->data.confine && strcmp(f->eu_attr, "true") && strcmp(f->eu_attr, "yes")) {
        char *kpath = aid_spec_file(&s->data, x->path, f->eu_attr, "eu_attribution", f->where[6].line,
                                    f->where[6].col, err);
        if (!kpath) {
            g_strfreev(files);
            return err->code;
        }
        g_free(kpath);
    }
    if (files && files[0] && !files[1]) {
        aidstat_error_t ignored; /* a bad name is reported where the data is loaded */
        char *one = g_strstrip(g_strdup(files[0]));
        f->only =
            data_override ? g_strdup(one) : aid_spec_file(&s->data, x->path, one, "data", 0, 0, &ignored);
        g_free(one);
    }
    if (f->eu_attr &&
        !(eu = aid_report_eu_begin(f->eu_attr, x->dir, &s->data, f->only, add_record, s->data.table, err))) {
        g_strfreev(files);
        return err->code;
    }
    aidstat_record_fn load_fn = aid_report_eu_fn(eu, add_record, &load_user);
    aidstat_status_t st;
    if (files && files[0]) {
        st = load_files(x, f, files, data_override != NULL, load_fn, load_user, beside);
    } else {
        aidstat_load_report_t *r = aidstat_load_report_new();
        st = aidstat_load_default(load_fn, load_user, r, err);
        if (st == AIDSTAT_OK)
            source_line(s, r);
        g_ptr_array_add(s->loads, r);
    }
    g_strfreev(files);
    if (st != AIDSTAT_OK) {
        aid_report_eu_free(eu);
        return st;
    }
    return aid_report_eu_end(eu, &s->data, err);
}

/* A table read from path, or with the embedded data (path NULL) from
 * deflt, into *out; its source line added. */
static aidstat_status_t load_companion(aid_spec_t *s, const char *path,
                                       aidstat_status_t (*deflt)(aidstat_record_fn, void *,
                                                                 aidstat_load_report_t *, aidstat_error_t *),
                                       aidstat_table_t **out, aidstat_error_t *err)
{
    aidstat_load_report_t *r = aidstat_load_report_new();
    aidstat_table_t *t = aidstat_table_new();
    aidstat_status_t st =
        path ? aidstat_load_file(path, NULL, add_record, t, r, err) : deflt(add_record, t, r, err);
    if (st == AIDSTAT_OK) {
        source_line(s, r);
        *out = t;
        t = NULL;
    }
    aidstat_table_free(t);
    aidstat_load_report_free(r);
    return st;
}

/* A file of a given name beside the data, if it is there (and, when the
 * report is confined, inside the spec's folder); NULL otherwise. */
static char *beside_file(const aid_spec_t *s, const char *beside, const char *name)
{
    char *p = beside ? g_build_filename(beside, name, NULL) : NULL;
    if (p &&
        (!g_file_test(p, G_FILE_TEST_IS_REGULAR) || (s->data.confine && !aid_spec_inside(s->data.dir, p)))) {
        g_free(p);
        p = NULL;
    }
    return p;
}

/* The tables that come with the data: heavy weapons (named in the front
 * matter, beside the data, or, with the embedded data, the embedded
 * release's), the sourcing split (Kiel's procurement_trends.csv) and the
 * EU attribution key of the data's release, the last two beside the data
 * or the embedded release's. */
static aidstat_status_t load_companions(ctx_t *x, const front_t *f, const char *beside)
{
    aid_spec_t *s = x->s;
    aidstat_error_t *err = x->err;
    bool embedded = !f->weapons && !beside;
    char *wpath = f->weapons ? aid_spec_file(&s->data, x->path, f->weapons, "weapons", f->where[1].line,
                                             f->where[1].col, err)
                  : beside   ? g_build_filename(beside, "weapons.csv", NULL)
                             : NULL;
    if (f->weapons && !wpath)
        return err->code;
    if (!f->weapons && wpath && !g_file_test(wpath, G_FILE_TEST_IS_REGULAR)) {
        g_free(wpath);
        wpath = NULL;
    }
    if (!f->weapons && wpath && s->data.confine && !aid_spec_inside(s->data.dir, wpath)) {
        aid_error_set(
            err, AIDSTAT_ERR_USAGE, x->path, f->where[0].line, f->where[0].col,
            "weapons: \"%s\" beside the data is outside the spec's folder (the report is confined to it)",
            wpath);
        g_free(wpath);
        return err->code;
    }
    char *spath = beside_file(s, beside, "procurement_trends.csv");
    bool embedded_sourcing = !beside;
    char *kpath = beside_file(s, beside, "eu_aid_shares.csv");
    aidstat_status_t st = AIDSTAT_OK;
    /* a workbook that is the only data brings its own keys */
    if (!kpath && f->only && (s->data.eukey = aidstat_eukey_load_own(f->only, err)) == NULL && err->code)
        st = err->code;
    if (st == AIDSTAT_OK && !s->data.eukey && (kpath || embedded_sourcing)) {
        s->data.eukey = kpath ? aidstat_eukey_load_file(kpath, err) : aidstat_eukey_load_default(err);
        if (!s->data.eukey)
            st = err->code;
    }
    if (st == AIDSTAT_OK && (spath || embedded_sourcing))
        st = load_companion(s, spath, aid_load_default_sourcing, &s->data.sourcing, err);
    if (st == AIDSTAT_OK && (wpath || embedded))
        st = load_companion(s, wpath, aid_load_default_weapons, &s->data.weapons, err);
    g_free(kpath);
    g_free(spath);
    g_free(wpath);
    return st;
}

/* The Markdown body into blocks: figures expanded, parsed by cmark-gfm,
 * walked. With diff: FILE in the front matter, a last section on what
 * changed since that release, made of the same ```diff blocks a spec can
 * hold (after the spec's own lines, so their line numbers stay as they are). */
static aidstat_status_t parse_body(ctx_t *x, const front_t *f, const char *body)
{
    aid_spec_t *s = x->s;
    const char *reserved = strstr(body, AID_FIGURE_OPEN);
    if (reserved) {
        long line = x->offset + 1, col = 1;
        for (const char *c = body; c < reserved; c = g_utf8_next_char(c))
            line += *c == '\n', col = *c == '\n' ? 1 : col + 1;
        return aid_error_set(x->err, AIDSTAT_ERR_INPUT, x->path, line, col,
                             "character U+E000 (private use) is reserved for the report's figures");
    }
    char *with_diff = NULL;
    if (f->diff_old && f->diff_old[0]) {
        if (strchr(f->diff_old, '\n') || strstr(f->diff_old, "```"))
            return aid_error_set(x->err, AIDSTAT_ERR_USAGE, x->path, 1, 1, "diff: give one file name");
        /* refused here, at the front matter, rather than in the section made from it */
        char *old =
            aid_spec_file(&s->data, x->path, f->diff_old, "diff", f->where[7].line, f->where[7].col, x->err);
        if (!old)
            return x->err->code;
        g_free(old);
        with_diff = g_strdup_printf(
            "%s\n\n# What changed since the previous release\n\n"
            "```diff\nold: %s\ntop: 10\ncaption: The largest revisions since the "
            "previous release\n```\n\n```diff\nold: %s\nshow: chart\ntop: 10\n"
            "caption: The largest revisions since the previous release, old and new values\n```\n",
            body, f->diff_old, f->diff_old);
    }
    char *expanded = expand_body(x, with_diff ? with_diff : body);
    g_free(with_diff);
    if (!expanded)
        return x->err->code;
    cmark_gfm_core_extensions_ensure_registered();
    cmark_parser *parser = cmark_parser_new(CMARK_OPT_FOOTNOTES);
    cmark_syntax_extension *table = cmark_find_syntax_extension("table");
    if (table)
        cmark_parser_attach_syntax_extension(parser, table);
    cmark_parser_feed(parser, expanded, strlen(expanded));
    cmark_node *doc = cmark_parser_finish(parser);
    fill_figures(doc, x->figtext);
    /* charts take the report's theme, and text that stays at least 6.5 pt
     * at their smallest (0.75 of the body) */
    s->data.theme = s->theme;
    s->data.text_size = MAX(s->font_size * 0.9, 6.5 / 0.75);
    aidstat_status_t st = walk(x, doc, 0);
    cmark_node_free(doc);
    cmark_parser_free(parser);
    g_free(expanded);
    return st;
}

static aid_spec_t *spec_new(const char *path, bool builtin, bool confine)
{
    aid_spec_t *s = g_new0(aid_spec_t, 1);
    s->data.builtin = builtin;
    s->blocks = g_ptr_array_new_with_free_func(block_free);
    s->page_w = 595.28;
    s->page_h = 841.89;
    s->font = g_strdup("DejaVu Sans");
    s->font_size = 10;
    s->data.sources = g_ptr_array_new_with_free_func(g_free);
    s->loads = g_ptr_array_new_with_free_func((GDestroyNotify)aidstat_load_report_free);
    s->data.loads = s->loads;
    s->path = g_strdup(path);
    s->data.dir = g_path_get_dirname(path);
    s->data.confine = confine;
    return s;
}

const char *aid_spec_language(const char *path, const char *text, aidstat_error_t *err)
{
    aid_spec_t *s = spec_new(path, false, false);
    ctx_t x = {s, path, s->data.dir, 0, 0, 0, 0, err, g_ptr_array_new_with_free_func(g_free), 0};
    front_t f = {.lo_keep = g_ptr_array_new_with_free_func(g_free)};
    aidstat_load_options_init(&f.lo);
    const char *lang = NULL;
    if (front_matter(&x, &f, text)) /* a wrong value is front_settle's to refuse */
        lang = f.lang && !g_ascii_strcasecmp(f.lang, "de") ? "de" : "en";
    g_ptr_array_free(x.figtext, TRUE);
    front_clear(&f);
    aid_spec_free(s);
    return lang;
}

aid_spec_t *aid_spec_parse(const char *path, const char *text, const char *const *data_override, bool builtin,
                           bool confine, aidstat_error_t *err)
{
    aid_spec_t *s = spec_new(path, builtin, confine);
    ctx_t x = {s, path, s->data.dir, 0, 0, 0, 0, err, g_ptr_array_new_with_free_func(g_free), 0};
    front_t f = {.lo_keep = g_ptr_array_new_with_free_func(g_free)};
    aidstat_load_options_init(&f.lo);
    char *beside = NULL; /* where the first data file is: weapons.csv may be there too */
    const char *body = front_matter(&x, &f, text);
    aidstat_status_t st = body ? front_settle(&x, &f) : err->code;
    if (st == AIDSTAT_OK)
        st = load_data(&x, &f, data_override, &beside);
    if (st == AIDSTAT_OK)
        st = load_companions(&x, &f, beside);
    if (st == AIDSTAT_OK)
        st = parse_body(&x, &f, body);
    g_free(beside);
    g_ptr_array_free(x.figtext, TRUE);
    front_clear(&f);
    if (st != AIDSTAT_OK) {
        aid_spec_free(s);
        return NULL;
    }
    return s;
}
