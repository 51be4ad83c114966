/* Reports as one self-contained HTML page: the same parsed and computed
 * spec as the PDF (report/layout.c), written as semantic HTML5 with the
 * charts as inline SVG. Nothing in the page asks for anything outside it:
 * images are data: URIs, there are no scripts, and a Content-Security-Policy
 * forbids them. Every text from the spec or the data is escaped. */
#include "config.h"
#include "report/report.h"
#include "data/error.h"
#include "chart/chart.h"
#include "data/intl.h"

#include <cairo.h>
#include <string.h>

/* ------------------------------------------------------------ escaping */

static void esc(GString *out, const char *s)
{
    char *e = g_markup_escape_text(s ? s : "", -1);
    g_string_append(out, e);
    g_free(e);
}

/* Links a page may follow: the web and mail, or a place in the page. */
static bool safe_uri(const char *u)
{
    return g_str_has_prefix(u, "https://") || g_str_has_prefix(u, "http://") ||
           g_str_has_prefix(u, "mailto:") || u[0] == '#';
}

/* ------------------------------------------------- Pango markup to HTML */

/* The spec's inline markup (escaped text in <b>, <i>, <tt>, <sup> and the
 * link <span>) as HTML, with the block's links (byte ranges of its plain
 * text) as <a> elements around the same text. */
typedef struct {
    GString *out;
    const GArray *links; /* aid_link_t, may be NULL */
    size_t at;           /* bytes of plain text so far */
    int open_link;       /* index of the <a> open now, or -1 */
    GPtrArray *stack;    /* the HTML element names open */
} conv_t;

static const char *html_name(const char *pango)
{
    static const char *const map[][2] = {{"b", "strong"}, {"i", "em"},  {"tt", "code"}, {"sup", "sup"},
                                         {"sub", "sub"},  {"s", "del"}, {"u", "u"},     {"small", "small"}};
    for (size_t i = 0; i < G_N_ELEMENTS(map); i++)
        if (!strcmp(pango, map[i][0]))
            return map[i][1];
    return NULL; /* span, the wrapper: no element */
}

static void link_close(conv_t *c)
{
    if (c->open_link >= 0)
        g_string_append(c->out, "</a>");
    c->open_link = -1;
}

/* The link to open at plain-text byte at: -1 for none, or for a link the
 * page does not follow (its text stays text). */
static int link_at(const conv_t *c, size_t at)
{
    for (guint i = 0; c->links && i < c->links->len; i++) {
        const aid_link_t *l = &g_array_index(c->links, aid_link_t, i);
        if ((size_t)l->start <= at && at < (size_t)l->end)
            return safe_uri(l->uri) ? (int)i : -1;
    }
    return -1;
}

/* An element closes any open link first; the next text opens it again,
 * so the <a> elements nest properly whatever the markup does. */
static void conv_start(GMarkupParseContext *ctx, const char *name, const char **an, const char **av,
                       void *user, GError **error)
{
    (void)ctx, (void)an, (void)av, (void)error;
    conv_t *c = user;
    const char *h = html_name(name);
    g_ptr_array_add(c->stack, (gpointer)h);
    if (h) {
        link_close(c);
        g_string_append_printf(c->out, "<%s>", h);
    }
}

static void conv_end(GMarkupParseContext *ctx, const char *name, void *user, GError **error)
{
    (void)ctx, (void)name, (void)error;
    conv_t *c = user;
    const char *h = c->stack->len ? g_ptr_array_steal_index(c->stack, c->stack->len - 1) : NULL;
    if (h) {
        link_close(c);
        g_string_append_printf(c->out, "</%s>", h);
    }
}

static void conv_text(GMarkupParseContext *ctx, const char *text, gsize len, void *user, GError **error)
{
    (void)ctx, (void)error;
    conv_t *c = user;
    for (gsize i = 0; i < len;) {
        int want = link_at(c, c->at);
        if (want != c->open_link) {
            link_close(c);
            if (want >= 0) {
                const aid_link_t *l = &g_array_index(c->links, aid_link_t, want);
                g_string_append(c->out, "<a href=\"");
                esc(c->out, l->uri);
                g_string_append(c->out, "\">");
                c->open_link = want;
            }
        }
        /* up to the next link boundary */
        gsize n = len - i;
        for (guint k = 0; c->links && k < c->links->len; k++) {
            const aid_link_t *l = &g_array_index(c->links, aid_link_t, k);
            size_t edges[2] = {(size_t)l->start, (size_t)l->end};
            for (int e = 0; e < 2; e++)
                if (edges[e] > c->at && edges[e] - c->at < n)
                    n = edges[e] - c->at;
        }
        char *piece = g_strndup(text + i, n);
        char **lines = g_strsplit(piece, "\n", -1);
        for (int k = 0; lines[k]; k++) {
            if (k)
                g_string_append(c->out, "<br>");
            esc(c->out, lines[k]);
        }
        g_strfreev(lines);
        g_free(piece);
        i += n;
        c->at += n;
    }
}

static void markup_html(GString *out, const char *markup, const GArray *links)
{
    conv_t c = {out, links, 0, -1, g_ptr_array_new()};
    GMarkupParser p = {conv_start, conv_end, conv_text, NULL, NULL};
    GMarkupParseContext *ctx = g_markup_parse_context_new(&p, 0, &c, NULL);
    GString *doc = g_string_new("<m>");
    g_string_append(doc, markup ? markup : "");
    g_string_append(doc, "</m>");
    size_t mark = out->len;
    if (!g_markup_parse_context_parse(ctx, doc->str, (gssize)doc->len, NULL) ||
        !g_markup_parse_context_end_parse(ctx, NULL)) {
        /* not markup after all: its text, tags stripped by nothing, escaped */
        g_string_truncate(out, mark);
        esc(out, markup);
    }
    link_close(&c);
    g_markup_parse_context_free(ctx);
    g_string_free(doc, TRUE);
    g_ptr_array_free(c.stack, TRUE);
}

/* ---------------------------------------------------------------- images */

static cairo_status_t png_collect(void *closure, const unsigned char *data, unsigned int len)
{
    g_string_append_len(closure, (const char *)data, len);
    return CAIRO_STATUS_SUCCESS;
}

static void image_data_uri(GString *out, aid_block_t *b)
{
    int w = (int)(b->image_w * 2 + 0.5), h = (int)(b->image_h * 2 + 0.5);
    cairo_surface_t *img = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, MAX(w, 1), MAX(h, 1));
    cairo_t *cr = cairo_create(img);
    cairo_scale(cr, 2, 2);
    cairo_set_source_surface(cr, b->image, 0, 0);
    cairo_paint(cr);
    cairo_destroy(cr);
    GString *png = g_string_new(NULL);
    cairo_surface_write_to_png_stream(img, png_collect, png);
    cairo_surface_destroy(img);
    char *b64 = g_base64_encode((const guchar *)png->str, png->len);
    g_string_append(out, "data:image/png;base64,");
    g_string_append(out, b64);
    g_free(b64);
    g_string_free(png, TRUE);
}

/* ------------------------------------------------------------------ data */

/* A link that downloads a figure's or table's numbers: the same CSV the
 * PDF attaches, inside the page as a data: URI. */
static void data_link(GString *out, const aid_block_t *b, bool chart)
{
    const char *csv = chart && b->chart ? aid_chart_csv(b->chart) : b->csv;
    if (!csv || b->number <= 0)
        return;
    char *name = aid_csv_name(chart ? "figure" : "table", b->number, b->caption);
    char *b64 = g_base64_encode((const guchar *)csv, strlen(csv));
    g_string_append(out, "<p class=\"data\"><a download=\"");
    esc(out, name);
    g_string_append_printf(out, "\" href=\"data:text/csv;charset=utf-8;base64,%s\">%s</a></p>\n", b64,
                           L_("The numbers (CSV)"));
    g_free(b64);
    g_free(name);
}

/* ------------------------------------------------------------------ page */

static const char style[] =
    ":root{--ink:#1a1a1a;--muted:#595959;--rule:#d0d0d0;--link:#005a8c;--paper:#fff;--band:#f4f4f4}"
    "@media (prefers-color-scheme:dark){:root{--ink:#ececec;--muted:#b8b8b8;--rule:#555;"
    "--link:#7cc4f0;--paper:#161616;--band:#242424}}"
    "html{background:var(--paper);color:var(--ink)}"
    "body{font-family:'DejaVu Sans',Verdana,Arial,sans-serif;font-size:1rem;line-height:1.5;"
    "max-width:46rem;margin:0 auto;padding:1rem}"
    "header{border-bottom:2px solid var(--ink);margin-bottom:1.5rem}"
    "h1{font-size:2rem;line-height:1.2;margin:.5rem 0}"
    ".subtitle,.byline{color:var(--muted);margin:.25rem 0}.byline{margin-bottom:1rem}"
    "a{color:var(--link)}a:focus{outline:2px solid var(--link);outline-offset:2px}"
    "figure{margin:1.5rem 0}figcaption,caption{text-align:left;font-size:.95rem;margin-bottom:.4rem}"
    ".chart svg{display:block;width:100%;height:auto;background:#fff;border-radius:2px}"
    "details{font-size:.9rem;color:var(--muted);margin-top:.3rem}"
    ".table-wrap{overflow-x:auto}"
    "table{border-collapse:collapse;font-size:.9rem;min-width:60%}"
    "th,td{padding:.2rem .6rem;border-bottom:1px solid var(--rule);text-align:left}"
    "thead th{border-bottom:2px solid var(--ink)}td.num,th.num{text-align:right;"
    "font-variant-numeric:tabular-nums}"
    ".note{font-size:.85rem;color:var(--muted)}.data{font-size:.85rem;margin:.2rem 0}"
    ".kpis{display:flex;flex-wrap:wrap;gap:1rem;margin:1rem 0}"
    ".kpi{flex:1 1 12rem;border-top:3px solid var(--link);padding-top:.3rem}"
    ".kpi p{margin:0}.kpi-value{font-size:1.6rem;font-weight:bold}.kpi-note{font-size:.8rem;"
    "color:var(--muted)}"
    "blockquote{border-left:3px solid var(--rule);margin-left:0;padding-left:1rem;color:var(--muted)}"
    "pre{background:var(--band);padding:.6rem;overflow-x:auto}"
    "ul.marked{list-style:none;padding-left:1.2rem}ul.marked .marker{margin-right:.3rem}"
    "img{max-width:100%;height:auto}"
    "@media print{body{max-width:none;font-size:10pt}a{color:inherit}figure,table,.kpis{"
    "break-inside:avoid}h2,h3,h4{break-after:avoid}details{display:none}}";

typedef struct {
    aid_spec_t *s;
    GString *out;
    int top_level; /* the smallest heading level: h2 */
} page_t;

static int h_level(const page_t *P, int level)
{
    return CLAMP(level - P->top_level + 2, 2, 6);
}

static void title_block(page_t *P)
{
    aid_spec_t *s = P->s;
    g_string_append(P->out, "<header>\n<h1>");
    esc(P->out, s->title);
    g_string_append(P->out, "</h1>\n");
    if (s->subtitle) {
        g_string_append(P->out, "<p class=\"subtitle\">");
        esc(P->out, s->subtitle);
        g_string_append(P->out, "</p>\n");
    }
    if (s->author || s->date) {
        g_string_append(P->out, "<p class=\"byline\">");
        esc(P->out, s->author);
        if (s->author && s->date)
            g_string_append(P->out, " · ");
        esc(P->out, s->date);
        g_string_append(P->out, "</p>\n");
    }
    g_string_append(P->out, "</header>\n");
}

static void contents(page_t *P)
{
    g_string_append_printf(P->out, "<nav aria-labelledby=\"contents\">\n<h2 id=\"contents\">%s</h2>\n<ol>\n",
                           L_("Contents"));
    int idx = 0;
    for (guint i = 0; i < P->s->blocks->len; i++) {
        aid_block_t *b = g_ptr_array_index(P->s->blocks, i);
        if (b->type != AID_B_HEADING)
            continue;
        int my = idx++;
        if (h_level(P, b->level) > 3)
            continue;
        g_string_append_printf(P->out, "<li%s><a href=\"#h%d\">",
                               h_level(P, b->level) == 3 ? " class=\"sub\"" : "", my);
        esc(P->out, b->plain);
        g_string_append(P->out, "</a></li>\n");
    }
    g_string_append(P->out, "</ol>\n</nav>\n");
}

static void table(page_t *P, aid_block_t *b)
{
    GString *o = P->out;
    g_string_append_printf(o,
                           "<figure class=\"table\" id=\"table-%d\">\n<div class=\"table-wrap\"><table>\n"
                           "<caption><strong>%s %d</strong>",
                           b->number, L_("Table"), b->number);
    if (b->caption && *b->caption) {
        g_string_append(o, ": ");
        esc(o, b->caption);
    }
    g_string_append(o, "</caption>\n");
    for (size_t r = 0; r < b->nrows; r++) {
        bool head = r < b->header_rows;
        if (r == 0 && head)
            g_string_append(o, "<thead>\n");
        if (r == b->header_rows)
            g_string_append(o, "<tbody>\n");
        g_string_append(o, "<tr>");
        for (size_t c = 0; c < b->ncols; c++) {
            const char *cell = b->cells[r * b->ncols + c];
            bool num = b->right && b->right[c];
            const char *el = head || c == 0 ? "th" : "td";
            g_string_append_printf(o, "<%s%s%s>", el,
                                   head     ? " scope=\"col\""
                                   : c == 0 ? " scope=\"row\""
                                            : "",
                                   num ? " class=\"num\"" : "");
            markup_html(o, cell, NULL);
            g_string_append_printf(o, "</%s>", el);
        }
        g_string_append(o, "</tr>\n");
        if (head && r + 1 == b->header_rows)
            g_string_append(o, "</thead>\n");
    }
    if (b->nrows > b->header_rows)
        g_string_append(o, "</tbody>\n");
    g_string_append(o, "</table></div>\n");
    if (b->note && *b->note) {
        g_string_append(o, "<p class=\"note\">");
        markup_html(o, b->note, NULL);
        g_string_append(o, "</p>\n");
    }
    data_link(o, b, false);
    g_string_append(o, "</figure>\n");
}

static aidstat_status_t chart(page_t *P, aid_block_t *b, aidstat_error_t *err)
{
    GString *o = P->out;
    int n = b->number;
    g_string_append_printf(o,
                           "<figure class=\"chart\" id=\"figure-%d\">\n<figcaption id=\"figure-%d-caption\">"
                           "<strong>%s %d</strong>",
                           n, n, L_("Figure"), n);
    if (b->caption && *b->caption) {
        g_string_append(o, ": ");
        esc(o, b->caption);
    }
    g_string_append(o, "</figcaption>\n<div class=\"chart\">");
    char prefix[24], attrs[128];
    snprintf(prefix, sizeof prefix, "f%d-", n);
    snprintf(attrs, sizeof attrs,
             "role=\"img\" aria-labelledby=\"figure-%d-caption\" "
             "aria-describedby=\"figure-%d-desc\"",
             n, n);
    aidstat_status_t st =
        aid_chart_svg_inline(b->chart, 480, b->height > 0 ? b->height : 300, prefix, attrs, o, err);
    if (st != AIDSTAT_OK) {
        err->line = b->line;
        err->column = 1;
        g_strlcpy(err->file, P->s->path, sizeof err->file);
        return st;
    }
    g_string_append_printf(o, "</div>\n<details><summary>%s</summary><p id=\"figure-%d-desc\">",
                           L_("Description"), n);
    esc(o, aidstat_chart_describe(b->chart));
    g_string_append(o, "</p></details>\n");
    data_link(o, b, true);
    g_string_append(o, "</figure>\n");
    return AIDSTAT_OK;
}

static void kpis(page_t *P, aid_block_t *b)
{
    GString *o = P->out;
    g_string_append(o, "<div class=\"kpis\">\n");
    for (guint i = 0; i < b->kpi_value->len; i++) {
        g_string_append(o, "<div class=\"kpi\"><p class=\"kpi-value\">");
        esc(o, g_ptr_array_index(b->kpi_value, i));
        g_string_append(o, "</p><p class=\"kpi-label\">");
        esc(o, g_ptr_array_index(b->kpi_label, i));
        g_string_append(o, "</p>");
        const char *note = g_ptr_array_index(b->kpi_note, i);
        if (note && *note) {
            g_string_append(o, "<p class=\"kpi-note\">");
            esc(o, note);
            g_string_append(o, "</p>");
        }
        g_string_append(o, "</div>\n");
    }
    g_string_append(o, "</div>\n");
}

/* What kind of list an item's marker starts: "1." numbers, a bullet, or a
 * mark of its own (footnotes "¹"). */
static char list_kind(const aid_block_t *b)
{
    const char *m = b->marker ? b->marker : "";
    if (g_ascii_isdigit(m[0]))
        return 'o';
    if (!*m || !strcmp(m, "•") || !strcmp(m, "–") || !strcmp(m, "-") || !strcmp(m, "◦") || !strcmp(m, "▪"))
        return 'u';
    return 'm';
}

static void list_open(GString *o, char kind)
{
    g_string_append(o, kind == 'o' ? "<ol>\n" : kind == 'm' ? "<ul class=\"marked\">\n" : "<ul>\n");
}

static void list_close(GString *o, char kind)
{
    g_string_append(o, kind == 'o' ? "</ol>\n" : "</ul>\n");
}

static void item(page_t *P, aid_block_t *b, GArray *open_lists)
{
    GString *o = P->out;
    int depth = MAX(b->level, 1);
    char kind = list_kind(b);
    while ((int)open_lists->len > depth) {
        list_close(o, g_array_index(open_lists, char, open_lists->len - 1));
        g_array_set_size(open_lists, open_lists->len - 1);
    }
    if ((int)open_lists->len == depth && g_array_index(open_lists, char, depth - 1) != kind) {
        list_close(o, g_array_index(open_lists, char, depth - 1));
        g_array_set_size(open_lists, depth - 1);
    }
    while ((int)open_lists->len < depth) {
        list_open(o, kind);
        g_array_append_val(open_lists, kind);
    }
    if (kind == 'o')
        g_string_append_printf(o, "<li value=\"%d\">", atoi(b->marker));
    else
        g_string_append(o, "<li>");
    if (kind == 'm') {
        g_string_append(o, "<span class=\"marker\">");
        esc(o, b->marker);
        g_string_append(o, "</span>");
    }
    markup_html(o, b->markup, b->links);
    g_string_append(o, "</li>\n");
}

static aidstat_status_t blocks(page_t *P, aidstat_error_t *err)
{
    GString *o = P->out;
    GArray *lists = g_array_new(FALSE, FALSE, sizeof(char));
    int heading = 0;
    aidstat_status_t st = AIDSTAT_OK;
    for (guint i = 0; i < P->s->blocks->len && st == AIDSTAT_OK; i++) {
        aid_block_t *b = g_ptr_array_index(P->s->blocks, i);
        if (b->type != AID_B_ITEM)
            while (lists->len) {
                list_close(o, g_array_index(lists, char, lists->len - 1));
                g_array_set_size(lists, lists->len - 1);
            }
        switch (b->type) {
        case AID_B_HEADING: {
            int h = h_level(P, b->level);
            g_string_append_printf(o, "<h%d id=\"h%d\">", h, heading++);
            markup_html(o, b->markup, NULL);
            g_string_append_printf(o, "</h%d>\n", h);
            break;
        }
        case AID_B_PARA:
            g_string_append(o, "<p>");
            markup_html(o, b->markup, b->links);
            g_string_append(o, "</p>\n");
            break;
        case AID_B_ITEM:
            item(P, b, lists);
            break;
        case AID_B_QUOTE:
            g_string_append(o, "<blockquote><p>");
            markup_html(o, b->markup, b->links);
            g_string_append(o, "</p></blockquote>\n");
            break;
        case AID_B_CODE:
            g_string_append(o, "<pre><code>");
            markup_html(o, b->markup, NULL);
            g_string_append(o, "</code></pre>\n");
            break;
        case AID_B_RULE:
            g_string_append(o, "<hr>\n");
            break;
        case AID_B_TABLE:
            table(P, b);
            break;
        case AID_B_CHART:
            st = chart(P, b, err);
            break;
        case AID_B_KPI:
            kpis(P, b);
            break;
        case AID_B_IMAGE:
            g_string_append_printf(o, "<figure id=\"figure-%d\"><img alt=\"", b->number);
            esc(o, b->caption);
            g_string_append(o, "\" src=\"");
            image_data_uri(o, b);
            g_string_append_printf(o, "\">\n<figcaption><strong>%s %d</strong>", L_("Figure"), b->number);
            if (b->caption && *b->caption) {
                g_string_append(o, ": ");
                esc(o, b->caption);
            }
            g_string_append(o, "</figcaption></figure>\n");
            break;
        default:
            break;
        }
    }
    while (lists->len) {
        list_close(o, g_array_index(lists, char, lists->len - 1));
        g_array_set_size(lists, lists->len - 1);
    }
    g_array_free(lists, TRUE);
    return st;
}

aidstat_status_t aid_html_write(aid_spec_t *s, GString *out, aidstat_error_t *err)
{
    page_t P = {s, out, 6};
    for (guint i = 0; i < s->blocks->len; i++) {
        aid_block_t *b = g_ptr_array_index(s->blocks, i);
        if (b->type == AID_B_HEADING)
            P.top_level = MIN(P.top_level, b->level);
    }
    g_string_append_printf(out, "<!DOCTYPE html>\n<html lang=\"%s\">\n<head>\n<meta charset=\"utf-8\">\n",
                           s->data.locale == AID_LOCALE_DE ? "de" : "en");
    g_string_append(out, "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
                         "style-src 'unsafe-inline'; img-src data:\">\n"
                         "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                         "<meta name=\"generator\" content=\"aidstat " PACKAGE_VERSION "\">\n<title>");
    esc(out, s->title);
    g_string_append_printf(out, "</title>\n<style>%s</style>\n</head>\n<body>\n", style);
    title_block(&P);
    if (s->toc)
        contents(&P);
    g_string_append(out, "<main>\n");
    aidstat_status_t st = blocks(&P, err);
    g_string_append(out, "</main>\n</body>\n</html>\n");
    return st;
}
