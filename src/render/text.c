/* Text through Pango: UTF-8 names ("Türkiye", "Česko", the euro sign) in any
 * font, wrapping and ellipsizing instead of clipping, and never markup.
 * Control characters are drawn as visible escapes, as the program prints
 * them on a terminal (aidstat_text_visible, the one helper for both). */
#include "config.h"
#include "render/render.h"

#include <math.h>
#include <string.h>

PangoLayout *aid_text(cairo_t *cr, const char *text, const aid_font_t *font)
{
    PangoLayout *l = pango_cairo_create_layout(cr);
    /* metrics that do not depend on the device, so a PDF and a PNG of the
     * same chart break lines at the same places */
    cairo_font_options_t *fo = cairo_font_options_create();
    cairo_font_options_set_hint_metrics(fo, CAIRO_HINT_METRICS_OFF);
    cairo_font_options_set_hint_style(fo, CAIRO_HINT_STYLE_NONE);
    pango_cairo_context_set_font_options(pango_layout_get_context(l), fo);
    cairo_font_options_destroy(fo);
    pango_layout_context_changed(l);
    PangoFontDescription *d = pango_font_description_from_string(font->family ? font->family : "DejaVu Sans");
    pango_font_description_set_absolute_size(d, font->size * PANGO_SCALE);
    pango_font_description_set_weight(d, font->bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
    pango_layout_set_font_description(l, d);
    pango_font_description_free(d);
    if (font->width > 0) {
        pango_layout_set_width(l, (int)(font->width * PANGO_SCALE));
        pango_layout_set_wrap(l, PANGO_WRAP_WORD_CHAR);
        if (font->max_lines > 0) {
            pango_layout_set_height(l, -font->max_lines);
            pango_layout_set_ellipsize(l, PANGO_ELLIPSIZE_END);
        }
    }
    pango_layout_set_alignment(l, font->align);
    char *visible = aidstat_text_visible(text ? text : "");
    pango_layout_set_text(l, visible, -1);
    g_free(visible);
    return l;
}

char *aidstat_text_visible(const char *s)
{
    GString *out = g_string_sized_new(strlen(s));
    const char *p = s, *end = s + strlen(s);
    while (p < end) {
        gunichar c = g_utf8_get_char_validated(p, end - p);
        if (c == (gunichar)-1 || c == (gunichar)-2) { /* not UTF-8: the byte */
            g_string_append_printf(out, "\\x%02x", (unsigned char)*p++);
            continue;
        }
        const char *next = g_utf8_next_char(p);
        if (c == '\n')
            g_string_append(out, "\\n");
        else if (c == '\r')
            g_string_append(out, "\\r");
        else if (c == '\t')
            g_string_append(out, "\\t");
        else if (c < 0x20 || c == 0x7f)
            g_string_append_printf(out, "\\x%02x", (unsigned)c);
        else if (c >= 0x80 && c < 0xa0) /* C1 controls: U+009B starts a terminal sequence */
            g_string_append_printf(out, "\\u%04x", (unsigned)c);
        else
            g_string_append_len(out, p, next - p);
        p = next;
    }
    return g_string_free(out, FALSE);
}

void aid_text_extent(PangoLayout *l, double *w, double *h)
{
    PangoRectangle ink, logical;
    pango_layout_get_extents(l, &ink, &logical);
    if (w)
        *w = (double)logical.width / PANGO_SCALE;
    if (h)
        *h = (double)logical.height / PANGO_SCALE;
}

/* ---- SVG: text as <text> elements
 *
 * cairo's SVG surface draws text as glyph outlines, which a reader cannot
 * search, select, translate or hear. On a surface marked with
 * aid_text_record_svg each layout is written instead as one <text> per
 * line, at the baseline and with the anchor Pango's own layout gave it, so
 * that another font in the viewer keeps the alignment. */

static const cairo_user_data_key_t svg_key;

void aid_text_record_svg(cairo_surface_t *s, GString *sink)
{
    cairo_surface_set_user_data(s, &svg_key, sink, NULL);
}

/* A number for SVG: the same bytes in every locale, no trailing zeros. */
static void svg_num(GString *o, double v)
{
    char buf[G_ASCII_DTOSTR_BUF_SIZE];
    g_ascii_formatd(buf, sizeof buf, "%.2f", fabs(v) < 0.005 ? 0.0 : v);
    char *e = buf + strlen(buf);
    while (e > buf && e[-1] == '0')
        *--e = '\0';
    if (e > buf && e[-1] == '.')
        *--e = '\0';
    g_string_append(o, buf);
}

/* The family list: the layout's family first, then ones most viewers have.
 * Quotes are dropped: a family name cannot end the CSS string. */
static void svg_family(GString *o, const char *family)
{
    static const char *const generic[] = {"sans", "sans-serif", "serif", "monospace"};
    GString *f = g_string_new(NULL);
    for (const char *p = family ? family : ""; *p; p++)
        if (*p != '\'' && *p != '"' && *p != '\\' && *p != '&' && *p != '<')
            g_string_append_c(f, *p);
    bool is_generic = false;
    for (size_t i = 0; i < G_N_ELEMENTS(generic); i++)
        is_generic |= !g_ascii_strcasecmp(f->str, generic[i]);
    if (is_generic)
        g_string_append(o, !g_ascii_strcasecmp(f->str, "sans") ? "sans-serif" : f->str);
    else {
        if (f->len && g_ascii_strcasecmp(f->str, "DejaVu Sans"))
            g_string_append_printf(o, "'%s', ", f->str);
        g_string_append(o, "'DejaVu Sans', Verdana, Arial, sans-serif");
    }
    g_string_free(f, TRUE);
}

char *aid_text_svg_layer(const GString *sink)
{
    if (!sink || !sink->len)
        return NULL;
    GString *g = g_string_new("<g class=\"text\" xml:space=\"preserve\" font-family=\"");
    svg_family(g, "DejaVu Sans");
    g_string_append_printf(g, "\">\n%s</g>\n", sink->str);
    return g_string_free(g, FALSE);
}

static gint run_order(gconstpointer a, gconstpointer b)
{
    const PangoGlyphItem *x = a, *y = b;
    return (x->item->offset > y->item->offset) - (x->item->offset < y->item->offset);
}

static char *trimmed(GString *t)
{
    while (t->len && (t->str[t->len - 1] == ' ' || t->str[t->len - 1] == '\n'))
        g_string_truncate(t, t->len - 1);
    return g_string_free(t, FALSE);
}

/* A line's text in logical order, with the ellipsis where Pango cut it;
 * *whole (when the line was cut) is the text it stands for. */
static char *line_text(PangoLayout *l, PangoLayoutLine *line, char **whole)
{
    const char *text = pango_layout_get_text(l);
    GSList *runs = g_slist_sort(g_slist_copy(line->runs), run_order);
    GString *t = g_string_new(NULL), *w = g_string_new(NULL);
    bool cut = false;
    for (GSList *r = runs; r; r = r->next) {
        const PangoItem *it = ((PangoGlyphItem *)r->data)->item;
        if (it->analysis.flags & PANGO_ANALYSIS_FLAG_IS_ELLIPSIS) {
            g_string_append(t, "\u2026");
            cut = true;
        } else {
            g_string_append_len(t, text + it->offset, it->length);
        }
        g_string_append_len(w, text + it->offset, it->length);
    }
    g_slist_free(runs);
    char *ws = trimmed(w);
    *whole = cut ? ws : NULL;
    if (!cut)
        g_free(ws);
    return trimmed(t);
}

/* ax < 0: each line anchored as the layout aligns it; else each line
 * anchored at its own left (0), centre (0.5) or right (1) edge. */
static void svg_text(GString *o, cairo_t *cr, PangoLayout *l, double x, double y, double ax)
{
    const PangoFontDescription *d = pango_layout_get_font_description(l);
    double size = d ? pango_font_description_get_size(d) / (double)PANGO_SCALE : 10;
    bool bold = d && pango_font_description_get_weight(d) >= PANGO_WEIGHT_SEMIBOLD;
    double r = 0, g = 0, b = 0, a = 1;
    cairo_pattern_get_rgba(cairo_get_source(cr), &r, &g, &b, &a);
    cairo_matrix_t m;
    cairo_get_matrix(cr, &m);
    /* a plain shift is folded into the coordinates; anything else (a
     * rotated axis title) is written as the element's transform */
    bool plain = m.xx == 1 && m.yy == 1 && m.xy == 0 && m.yx == 0;
    PangoAlignment al = pango_layout_get_alignment(l);
    bool wide = pango_layout_get_width(l) > 0;
    PangoLayoutIter *it = pango_layout_get_iter(l);
    do {
        PangoLayoutLine *line = pango_layout_iter_get_line_readonly(it);
        char *whole;
        char *t = line_text(l, line, &whole);
        PangoRectangle lg;
        pango_layout_iter_get_line_extents(it, NULL, &lg);
        double lx = lg.x / (double)PANGO_SCALE, w = lg.width / (double)PANGO_SCALE;
        double ly = y + pango_layout_iter_get_baseline(it) / (double)PANGO_SCALE;
        if (ax < 0)
            ax = wide && al == PANGO_ALIGN_RIGHT ? 1 : wide && al == PANGO_ALIGN_CENTER ? 0.5 : 0;
        const char *anchor = ax >= 0.75 ? "end" : ax >= 0.25 ? "middle" : "start";
        lx += w * (ax >= 0.75 ? 1 : ax >= 0.25 ? 0.5 : 0);
        lx += x;
        if (*t) {
            double px = lx, py = ly;
            if (plain)
                px += m.x0, py += m.y0;
            g_string_append(o, "<text x=\"");
            svg_num(o, px);
            g_string_append(o, "\" y=\"");
            svg_num(o, py);
            g_string_append_c(o, '"');
            const char *fam = d ? pango_font_description_get_family(d) : NULL;
            if (fam && g_ascii_strcasecmp(fam, "DejaVu Sans")) {
                g_string_append(o, " font-family=\"");
                svg_family(o, fam);
                g_string_append_c(o, '"');
            }
            g_string_append(o, " font-size=\"");
            svg_num(o, size);
            g_string_append_printf(o, "\"%s fill=\"#%02X%02X%02X\"", bold ? " font-weight=\"bold\"" : "",
                                   (int)lround(CLAMP(r, 0, 1) * 255), (int)lround(CLAMP(g, 0, 1) * 255),
                                   (int)lround(CLAMP(b, 0, 1) * 255));
            if (a < 1) {
                g_string_append(o, " fill-opacity=\"");
                svg_num(o, a);
                g_string_append_c(o, '"');
            }
            if (strcmp(anchor, "start"))
                g_string_append_printf(o, " text-anchor=\"%s\"", anchor);
            if (!plain) {
                g_string_append(o, " transform=\"matrix(");
                double v[6] = {m.xx, m.yx, m.xy, m.yy, m.x0, m.y0};
                for (int k = 0; k < 6; k++) {
                    if (k)
                        g_string_append_c(o, ' ');
                    svg_num(o, v[k]);
                }
                g_string_append(o, ")\"");
            }
            /* the layout's text is already free of control characters; a
             * name cut to fit is read out whole */
            if (whole) {
                char *we = g_markup_escape_text(whole, -1);
                g_string_append_printf(o, " aria-label=\"%s\"", we);
                g_free(we);
            }
            char *esc = g_markup_escape_text(t, -1);
            g_string_append_printf(o, ">%s</text>\n", esc);
            g_free(esc);
        }
        g_free(t);
        g_free(whole);
    } while (pango_layout_iter_next_line(it));
    pango_layout_iter_free(it);
}

static void draw(cairo_t *cr, PangoLayout *l, double x, double y, double ax)
{
    GString *svg = cairo_surface_get_user_data(cairo_get_target(cr), &svg_key);
    if (svg) {
        svg_text(svg, cr, l, x, y, ax);
        return;
    }
    cairo_move_to(cr, x, y);
    pango_cairo_show_layout(cr, l);
}

void aid_text_draw(cairo_t *cr, PangoLayout *l, double x, double y)
{
    draw(cr, l, x, y, -1);
}

void aid_text_draw_at(cairo_t *cr, PangoLayout *l, double x, double y, double ax)
{
    double w;
    aid_text_extent(l, &w, NULL);
    draw(cr, l, x - w * ax, y, ax);
}

bool aid_text_ellipsized(PangoLayout *l)
{
    return pango_layout_is_ellipsized(l);
}

bool aid_font_installed(const char *family, const char **near)
{
    static char found[200];
    PangoFontMap *map = pango_cairo_font_map_get_default();
    PangoFontFamily **fams = NULL;
    int n = 0;
    pango_font_map_list_families(map, &fams, &n);
    const char **names = g_new(const char *, (gsize)n + 1);
    bool hit = false;
    for (int i = 0; i < n; i++) {
        names[i] = pango_font_family_get_name(fams[i]);
        hit |= !g_ascii_strcasecmp(names[i], family);
    }
    /* a generic family ("sans", "serif", "monospace") is always there */
    hit |= !g_ascii_strcasecmp(family, "sans") || !g_ascii_strcasecmp(family, "sans-serif") ||
           !g_ascii_strcasecmp(family, "serif") || !g_ascii_strcasecmp(family, "monospace");
    if (near) {
        const char *s = hit ? NULL : aidstat_suggest(family, names, (size_t)n);
        if (s)
            g_strlcpy(found, s, sizeof found);
        *near = s ? found : NULL;
    }
    g_free(names);
    g_free(fams);
    return hit;
}
