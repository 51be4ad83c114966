/* Text through Pango: UTF-8 names ("Türkiye", "Česko", the euro sign) in any
 * font, wrapping and ellipsizing instead of clipping, and never markup.
 * Control characters are drawn as visible escapes, as the program prints
 * them on a terminal (aidstat_text_visible, the one helper for both). */
#include "config.h"
#include "render/render.h"

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

void aid_text_draw(cairo_t *cr, PangoLayout *l, double x, double y)
{
    cairo_move_to(cr, x, y);
    pango_cairo_show_layout(cr, l);
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
