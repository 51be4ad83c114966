/* Charts for the web: the chart's SVG made fit to sit inside a page (ids of
 * its own, scaling with its container), and a page or a fragment to paste
 * into a CMS around it: the chart, its description and a small stylesheet
 * under documented class names that a newsroom can override.
 *
 * Class names (the contract with stylesheets outside):
 *   .aidstat-chart         the <figure>
 *   .aidstat-chart__title  the <figcaption> with the title, visually hidden
 *                          (the SVG draws the title; this one is for screen
 *                          readers and search)
 *   .aidstat-chart__svg    the box the SVG scales in
 *   .aidstat-chart__desc   the <details> holding the text description
 *   .aidstat-chart__data   the link that downloads the chart's numbers (CSV)
 */
#include "config.h"
#include "chart/chart.h"
#include "data/error.h"
#include "data/intl.h"

#include <glib.h>
#include <string.h>

static unsigned int collect(void *closure, const unsigned char *data, unsigned int len)
{
    g_string_append_len(closure, (const char *)data, len);
    return 0;
}

/* Every id="X", href="#X" and url(#X) of svg gets prefix: several charts
 * in one page must not take each other's glyphs and clip paths. */
static void prefix_ids(GString *svg, const char *prefix)
{
    static const char *const refs[] = {"id=\"", "href=\"#", "url(#"};
    GString *out = g_string_sized_new(svg->len + svg->len / 16);
    const char *p = svg->str;
    for (;;) {
        const char *best = NULL;
        size_t blen = 0;
        for (size_t r = 0; r < G_N_ELEMENTS(refs); r++) {
            const char *q = strstr(p, refs[r]);
            if (q && (!best || q < best)) {
                best = q;
                blen = strlen(refs[r]);
            }
        }
        if (!best) {
            g_string_append(out, p);
            break;
        }
        g_string_append_len(out, p, (gssize)(best - p + (ptrdiff_t)blen));
        g_string_append(out, prefix);
        p = best + blen;
    }
    g_string_assign(svg, out->str);
    g_string_free(out, TRUE);
}

static void remove_attr(GString *root, const char *attr)
{
    char *a = strstr(root->str, attr);
    if (!a)
        return;
    char *q = strchr(a + strlen(attr), '"');
    if (q)
        g_string_erase(root, a - root->str, q + 1 - a);
}

aidstat_status_t aid_chart_svg_inline(aidstat_chart_t *c, double width, double height, const char *prefix,
                                      const char *attrs, GString *out, aidstat_error_t *err)
{
    GString *svg = g_string_new(NULL);
    aidstat_status_t st = aidstat_chart_write_stream(c, "svg", collect, svg, width, height, 72, err);
    const char *start = st == AIDSTAT_OK ? strstr(svg->str, "<svg") : NULL;
    if (st == AIDSTAT_OK && !start)
        st = aid_error_set(err, AIDSTAT_ERR_OUTPUT, NULL, 0, 0, "the chart gave no SVG");
    if (st != AIDSTAT_OK) {
        g_string_free(svg, TRUE);
        return st;
    }
    g_string_erase(svg, 0, start - svg->str); /* no XML declaration inside a page */
    prefix_ids(svg, prefix);
    const char *end = strchr(svg->str, '>');
    GString *root = g_string_new_len(svg->str, end - svg->str);
    remove_attr(root, " width=\"");
    remove_attr(root, " height=\"");
    if (attrs && *attrs) {
        g_string_append_c(root, ' ');
        g_string_append(root, attrs);
    }
    g_string_append(out, root->str);
    g_string_append(out, end);
    g_string_free(root, TRUE);
    g_string_free(svg, TRUE);
    return AIDSTAT_OK;
}

static void esc(GString *out, const char *s)
{
    char *e = g_markup_escape_text(s ? s : "", -1);
    g_string_append(out, e);
    g_free(e);
}

static const char chart_style[] =
    ".aidstat-chart{margin:1rem 0;max-width:100%;font-family:'DejaVu Sans',Verdana,Arial,sans-serif;"
    "color:#1a1a1a}"
    ".aidstat-chart__svg svg{display:block;width:100%;height:auto;background:#fff}"
    ".aidstat-chart__desc{font-size:.875rem;color:#595959;margin-top:.3rem}"
    ".aidstat-chart__desc summary{cursor:pointer}.aidstat-chart__data{font-size:.875rem;margin:.2rem 0}"
    ".aidstat-chart__title{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);"
    "white-space:nowrap}"
    ".aidstat-chart__desc summary:focus{outline:2px solid #005a8c;outline-offset:2px}";

char *aidstat_chart_html(aidstat_chart_t *c, double width, double height, unsigned flags,
                         aidstat_error_t *err)
{
    bool fragment = (flags & AIDSTAT_CHART_HTML_FRAGMENT) != 0;
    GString *o = g_string_new(NULL);
    if (!fragment) {
        g_string_append(o, "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
                           "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
                           "style-src 'unsafe-inline'; img-src data:\">\n"
                           "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                           "<title>");
        esc(o, aidstat_chart_title(c));
        g_string_append(o, "</title>\n</head>\n<body>\n");
    }
    g_string_append_printf(o, "<style>%s</style>\n", chart_style);
    /* the title for screen readers and search: the SVG draws it already */
    g_string_append(o, "<figure class=\"aidstat-chart\">\n<figcaption class=\"aidstat-chart__title\">");
    esc(o, aidstat_chart_title(c));
    g_string_append(o, "</figcaption>\n<div class=\"aidstat-chart__svg\">");
    char *label = g_markup_escape_text(aidstat_chart_title(c) ? aidstat_chart_title(c) : "", -1);
    char *attrs =
        g_strdup_printf("role=\"img\" aria-label=\"%s\" aria-describedby=\"aidstat-chart-desc\"", label);
    aidstat_status_t st = aid_chart_svg_inline(c, width, height, "aidstat-chart-", attrs, o, err);
    g_free(attrs);
    g_free(label);
    if (st != AIDSTAT_OK) {
        g_string_free(o, TRUE);
        return NULL;
    }
    g_string_append_printf(o,
                           "</div>\n<details class=\"aidstat-chart__desc\"><summary>%s</summary>"
                           "<p id=\"aidstat-chart-desc\">",
                           L_("Description"));
    esc(o, aidstat_chart_describe(c));
    g_string_append(o, "</p></details>\n");
    const char *csv = aid_chart_csv(c);
    if (csv) {
        char *name = aid_csv_name("chart", 1, aidstat_chart_title(c));
        char *b64 = g_base64_encode((const guchar *)csv, strlen(csv));
        g_string_append(o, "<p class=\"aidstat-chart__data\"><a download=\"");
        esc(o, name);
        g_string_append_printf(o, "\" href=\"data:text/csv;charset=utf-8;base64,%s\">%s</a></p>\n", b64,
                               L_("The numbers (CSV)"));
        g_free(b64);
        g_free(name);
    }
    g_string_append(o, "</figure>\n");
    if (!fragment)
        g_string_append(o, "</body>\n</html>\n");
    return g_string_free(o, FALSE);
}

aidstat_status_t aidstat_chart_write_html(aidstat_chart_t *c, const char *path, double width, double height,
                                          unsigned flags, aidstat_error_t *err)
{
    char *page = aidstat_chart_html(c, width, height, flags, err);
    if (!page)
        return err ? err->code : AIDSTAT_ERR_OUTPUT;
    aidstat_output_t *o = aidstat_output_open(path, err);
    aidstat_status_t st;
    size_t n = strlen(page);
    if (!o)
        st = err ? err->code : AIDSTAT_ERR_OUTPUT;
    else if (fwrite(page, 1, n, aidstat_output_stream(o)) != n) {
        aidstat_output_abort(o);
        st = aid_error_set(err, AIDSTAT_ERR_OUTPUT, path, 0, 0, "cannot write");
    } else
        st = aidstat_output_commit(o, err);
    g_free(page);
    return st;
}
