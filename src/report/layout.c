/* Page layout: blocks flow down pages. Paragraphs break between lines
 * (never leaving one line alone), headings stay with what follows, charts
 * are never split, long tables continue under their repeated header. The
 * layout runs twice: the first pass learns the page of every heading and
 * the page count, the second draws with them (table of contents, "page X
 * of Y"). */
#include "config.h"
#include "report/report.h"
#include "data/error.h"
#include "data/intl.h"
#include "chart/chart.h"

#include <cairo-pdf.h>
#include <math.h>
#include <string.h>

typedef struct {
    aid_spec_t *s;
    cairo_t *cr;
    bool draw;
    double pw, ph, ml, mt, mb, cw; /* page, margins, content width */
    double y, ybot;
    int page, pages;
    GArray *hpage; /* per heading: its page (pass 1 fills, pass 2 reads) */
    int heading;   /* headings placed so far */
    int outline[7];
    const aid_theme_t *theme;
    GPtrArray *alts; /* the /Alt of each Figure tagged, in order */
    aidstat_error_t *err;
} lay_t;

/* Structure tags (PDF): only while drawing, so each element is written once. */
static void tag(lay_t *L, const char *name)
{
    if (L->draw)
        cairo_tag_begin(L->cr, name, NULL);
}

static void untag(lay_t *L, const char *name)
{
    if (L->draw)
        cairo_tag_end(L->cr, name);
}

/* A Figure element, with the text that stands for it. */
static void figure_tag(lay_t *L, const char *alt)
{
    if (!L->draw)
        return;
    if (L->alts)
        g_ptr_array_add(L->alts, g_strdup(alt && *alt ? alt : "Figure"));
    cairo_tag_begin(L->cr, "Figure", NULL);
}

static aid_font_t font(const lay_t *L, double rel, bool bold)
{
    aid_font_t f = {L->s->font, L->s->font_size * rel, bold, L->cw, 0, PANGO_ALIGN_LEFT};
    return f;
}

static PangoLayout *markup(lay_t *L, const char *m, double rel, bool bold, double width)
{
    aid_font_t f = font(L, rel, bold);
    f.width = width;
    PangoLayout *l = aid_text(L->cr, "", &f);
    pango_layout_set_markup(l, m, -1);
    pango_layout_set_spacing(l, (int)(L->s->font_size * rel * 0.25 * PANGO_SCALE));
    return l;
}

static void page_furniture(lay_t *L)
{
    if (!L->draw)
        return;
    cairo_t *cr = L->cr;
    aid_font_t f = font(L, 0.75, false);
    char buf[64];
    /* marked for the PDF post-pass, which makes it an artifact */
    cairo_tag_begin(cr, AID_FURNITURE_TAG, NULL);
    /* running header: the report's title, after the first page */
    if (L->page > 1) {
        f.max_lines = 1;
        PangoLayout *l = aid_text(cr, L->s->title, &f);
        aid_set_rgb(cr, L->theme->muted);
        aid_text_draw(cr, l, L->ml, L->mt - L->s->font_size * 2.2);
        g_object_unref(l);
        aid_set_rgb(cr, L->theme->grid);
        cairo_set_line_width(cr, 0.5);
        cairo_move_to(cr, L->ml, L->mt - L->s->font_size * 0.8);
        cairo_line_to(cr, L->ml + L->cw, L->mt - L->s->font_size * 0.8);
        cairo_stroke(cr);
    }
    snprintf(buf, sizeof buf, L_("Page %d of %d"), L->page, L->pages);
    f.align = PANGO_ALIGN_RIGHT;
    PangoLayout *l = aid_text(cr, buf, &f);
    aid_set_rgb(cr, L->theme->muted);
    aid_text_draw(cr, l, L->ml, L->ph - L->mb + L->s->font_size * 1.2);
    g_object_unref(l);
    cairo_tag_end(cr, AID_FURNITURE_TAG);
}

static void new_page(lay_t *L)
{
    if (L->draw && L->page > 0)
        cairo_show_page(L->cr);
    L->page++;
    L->y = L->mt;
    page_furniture(L);
}

static double room(const lay_t *L)
{
    return L->ybot - L->y;
}

/* Line tops of a layout, in points from its top. */
static size_t line_tops(PangoLayout *l, double **tops, double *total)
{
    int n = pango_layout_get_line_count(l);
    *tops = g_new(double, n + 1);
    PangoLayoutIter *it = pango_layout_get_iter(l);
    int i = 0;
    do {
        PangoRectangle r;
        pango_layout_iter_get_line_extents(it, NULL, &r);
        (*tops)[i++] = (double)r.y / PANGO_SCALE;
    } while (pango_layout_iter_next_line(it) && i < n);
    pango_layout_iter_free(it);
    double h;
    aid_text_extent(l, NULL, &h);
    (*tops)[n] = h;
    *total = h;
    return (size_t)n;
}

static void links_draw(lay_t *L, PangoLayout *l, const aid_block_t *b, double x, double y)
{
    for (guint i = 0; b->links && i < b->links->len; i++) {
        const aid_link_t *k = &g_array_index(b->links, aid_link_t, i);
        PangoRectangle a, e;
        pango_layout_index_to_pos(l, k->start, &a);
        pango_layout_index_to_pos(l, k->end > k->start ? k->end - 1 : k->start, &e);
        double x0 = x + (double)a.x / PANGO_SCALE, y0 = y + (double)a.y / PANGO_SCALE;
        double x1 = x + (double)(e.x + e.width) / PANGO_SCALE;
        if (e.y != a.y) /* a link across lines: its first line */
            x1 = x + L->cw;
        char *uri = g_strescape(k->uri, "");
        char *attr = g_strdup_printf("uri='%s' rect=[%.2f %.2f %.2f %.2f]", uri, x0, y0, x1 - x0,
                                     (double)a.height / PANGO_SCALE);
        cairo_tag_begin(L->cr, CAIRO_TAG_LINK, attr);
        cairo_tag_end(L->cr, CAIRO_TAG_LINK);
        g_free(attr);
        g_free(uri);
    }
}

/* Flow a text layout from the cursor, breaking between lines; at least two
 * lines on either side of a break. */
static void flow(lay_t *L, PangoLayout *l, double x, const aid_block_t *b, double after)
{
    double *tops, total;
    size_t n = line_tops(l, &tops, &total);
    size_t from = 0;
    while (from < n) {
        double avail = room(L);
        size_t fit = from;
        while (fit < n && tops[fit + 1] - tops[from] <= avail)
            fit++;
        size_t left = n - fit;
        if (fit < n) {
            if (left == 1 && fit - from >= 3)
                fit--; /* no widow */
            if (fit - from < 2 && n - from >= 2)
                fit = from; /* no orphan */
        }
        if (fit == from) {
            if (L->y == L->mt) /* a line taller than a page: place it anyway */
                fit = from + 1;
            else {
                new_page(L);
                continue;
            }
        }
        double top = tops[from], bottom = tops[fit];
        if (L->draw) {
            cairo_save(L->cr);
            cairo_rectangle(L->cr, x - 2, L->y, L->cw + 4, bottom - top);
            cairo_clip(L->cr);
            aid_set_rgb(L->cr, L->theme->ink);
            aid_text_draw(L->cr, l, x, L->y - top);
            cairo_restore(L->cr);
            if (from == 0)
                links_draw(L, l, b, x, L->y);
        }
        L->y += bottom - top;
        from = fit;
        if (from < n)
            new_page(L);
    }
    L->y += after;
    g_free(tops);
}

/* The shortest a chart may be drawn to fill the rest of a page instead of
 * leaving it empty: three quarters of its height, but never so short that
 * its text would shrink (a chart's text needs a twentieth of its height)
 * nor below the smallest chart. */
static double chart_floor(const lay_t *L, const aid_block_t *b)
{
    double f = fmax(b->height * 0.75, fmax(L->s->data.text_size * 20, AID_CHART_MIN_H));
    return fmin(b->height, f);
}

/* A chart's caption line and the space around it. */
static double chart_extra(lay_t *L)
{
    PangoLayout *l = markup(L, "x", 0.9, false, L->cw);
    double ch;
    aid_text_extent(l, NULL, &ch);
    g_object_unref(l);
    return ch * 2 + L->s->font_size;
}

/* The height to draw chart b at the cursor: its own, or less down to its
 * floor when that fills the page; 0 when it does not fit here. */
static double chart_fit(lay_t *L, const aid_block_t *b)
{
    double avail = room(L) - chart_extra(L);
    if (avail >= b->height)
        return b->height;
    return avail >= chart_floor(L, b) ? floor(avail) : 0;
}

/* Height a block needs at the least on its page (for keeping headings with it). */
static double min_height(lay_t *L, const aid_block_t *b)
{
    switch (b->type) {
    case AID_B_CHART:
        return chart_floor(L, b) + L->s->font_size * 2.5;
    case AID_B_KPI:
        return L->s->font_size * 6;
    case AID_B_TABLE:
        return L->s->font_size * 6;
    default:
        return L->s->font_size * 1.45 * 3;
    }
}

static void heading(lay_t *L, aid_block_t *b, const aid_block_t *next)
{
    static const double sizes[] = {1.8, 1.8, 1.4, 1.2, 1.05, 1.0, 1.0};
    int lvl = CLAMP(b->level, 1, 6);
    PangoLayout *l = markup(L, b->markup, sizes[lvl], true, L->cw);
    double h;
    aid_text_extent(l, NULL, &h);
    double before = L->y == L->mt ? 0 : L->s->font_size * (lvl <= 2 ? 1.4 : 0.9);
    if (L->y + before + h + (next ? min_height(L, next) : 0) > L->ybot && L->y > L->mt)
        new_page(L);
    else
        L->y += before;
    int idx = L->heading++;
    if (!L->draw)
        g_array_append_val(L->hpage, L->page);
    if (L->draw) {
        char name[32], htag[4];
        snprintf(htag, sizeof htag, "H%d", lvl);
        cairo_tag_begin(L->cr, htag, NULL);
        snprintf(name, sizeof name, "name='h%d'", idx);
        cairo_tag_begin(L->cr, CAIRO_TAG_DEST, name);
        aid_set_rgb(L->cr, L->theme->ink);
        aid_text_draw(L->cr, l, L->ml, L->y);
        cairo_tag_end(L->cr, CAIRO_TAG_DEST);
        cairo_surface_t *surf = cairo_get_target(L->cr);
        if (cairo_surface_get_type(surf) == CAIRO_SURFACE_TYPE_PDF) {
            int parent = lvl > 1 ? L->outline[lvl - 1] : CAIRO_PDF_OUTLINE_ROOT;
            char dest[32];
            snprintf(dest, sizeof dest, "dest='h%d'", idx);
            int id = cairo_pdf_surface_add_outline(surf, parent, b->plain, dest, 0);
            for (int k = lvl; k < 7; k++)
                L->outline[k] = id;
        }
        cairo_tag_end(L->cr, htag);
    }
    L->y += h + L->s->font_size * 0.5;
    g_object_unref(l);
}

static void title_block(lay_t *L)
{
    PangoLayout *l = markup(L, "", 2.3, true, L->cw);
    pango_layout_set_text(l, L->s->title, -1);
    double h;
    aid_text_extent(l, NULL, &h);
    if (L->draw) {
        tag(L, "H1");
        aid_set_rgb(L->cr, L->theme->ink);
        aid_text_draw(L->cr, l, L->ml, L->y);
        untag(L, "H1");
    }
    L->y += h + L->s->font_size * 0.4;
    g_object_unref(l);
    GString *sub = g_string_new(NULL);
    if (L->s->subtitle)
        g_string_append(sub, L->s->subtitle);
    if (L->s->author || L->s->date)
        g_string_append_printf(sub, "%s%s%s%s", sub->len ? "\n" : "", L->s->author ? L->s->author : "",
                               L->s->author && L->s->date ? " · " : "", L->s->date ? L->s->date : "");
    if (sub->len) {
        l = markup(L, "", 1.2, false, L->cw);
        pango_layout_set_text(l, sub->str, -1);
        aid_text_extent(l, NULL, &h);
        if (L->draw) {
            tag(L, "P");
            aid_set_rgb(L->cr, L->theme->muted);
            aid_text_draw(L->cr, l, L->ml, L->y);
            untag(L, "P");
        }
        L->y += h;
        g_object_unref(l);
    }
    g_string_free(sub, TRUE);
    L->y += L->s->font_size * 0.8;
    if (L->draw) {
        aid_set_rgb(L->cr, L->theme->ink);
        cairo_set_line_width(L->cr, 1.2);
        cairo_move_to(L->cr, L->ml, L->y);
        cairo_line_to(L->cr, L->ml + L->cw, L->y);
        cairo_stroke(L->cr);
    }
    L->y += L->s->font_size * 1.6;
}

static void toc(lay_t *L)
{
    PangoLayout *hl = markup(L, L_("Contents"), 1.4, true, L->cw);
    double h;
    aid_text_extent(hl, NULL, &h);
    if (L->draw) {
        tag(L, "H2");
        aid_set_rgb(L->cr, L->theme->ink);
        aid_text_draw(L->cr, hl, L->ml, L->y);
        untag(L, "H2");
    }
    L->y += h + L->s->font_size * 0.5;
    g_object_unref(hl);
    tag(L, "TOC");
    int idx = 0;
    for (guint i = 0; i < L->s->blocks->len; i++) {
        aid_block_t *b = g_ptr_array_index(L->s->blocks, i);
        if (b->type != AID_B_HEADING)
            continue;
        int page = idx < (int)L->hpage->len ? g_array_index(L->hpage, int, idx) : 0;
        int my = idx++;
        if (b->level > 2)
            continue;
        double indent = b->level == 2 ? L->s->font_size * 1.5 : 0;
        PangoLayout *l = markup(L, "", 1.0, b->level == 1, L->cw - indent - L->s->font_size * 4);
        pango_layout_set_text(l, b->plain, -1);
        aid_text_extent(l, NULL, &h);
        if (L->y + h > L->ybot)
            new_page(L);
        if (L->draw) {
            char attr[48];
            snprintf(attr, sizeof attr, "dest='h%d'", my);
            cairo_tag_begin(L->cr, "TOCI", NULL);
            cairo_tag_begin(L->cr, CAIRO_TAG_LINK, attr);
            aid_set_rgb(L->cr, L->theme->ink);
            aid_text_draw(L->cr, l, L->ml + indent, L->y);
            char num[16];
            snprintf(num, sizeof num, "%d", page);
            aid_font_t f = font(L, 1.0, false);
            f.align = PANGO_ALIGN_RIGHT;
            PangoLayout *nl = aid_text(L->cr, num, &f);
            aid_text_draw(L->cr, nl, L->ml, L->y);
            g_object_unref(nl);
            cairo_tag_end(L->cr, CAIRO_TAG_LINK);
            cairo_tag_end(L->cr, "TOCI");
        }
        L->y += h + L->s->font_size * 0.3;
        g_object_unref(l);
    }
    untag(L, "TOC");
    L->y += L->s->font_size * 1.2;
}

static void caption(lay_t *L, const char *label, int number, const char *text)
{
    char *e = g_markup_escape_text(text ? text : "", -1);
    char *m = g_strdup_printf("<b>%s %d</b>%s%s", label, number, e[0] ? ": " : "", e);
    PangoLayout *l = markup(L, m, 0.9, false, L->cw);
    double h;
    aid_text_extent(l, NULL, &h);
    if (L->draw) {
        tag(L, "Caption");
        aid_set_rgb(L->cr, L->theme->ink);
        aid_text_draw(L->cr, l, L->ml, L->y);
        untag(L, "Caption");
    }
    L->y += h + L->s->font_size * 0.35;
    g_object_unref(l);
    g_free(m);
    g_free(e);
}

/* A chart followed by another: both shorter in proportion when that lets
 * them share the page and each keeps its floor. */
static double pair_height(lay_t *L, const aid_block_t *b, const aid_block_t *n, double height)
{
    if (!n || n->type != AID_B_CHART)
        return height;
    double avail = room(L) - 2 * chart_extra(L) - L->s->font_size * 1.2;
    if (height + n->height <= avail)
        return height;
    double k = avail / (height + n->height);
    if (height * k < chart_floor(L, b) || n->height * k < chart_floor(L, n))
        return height;
    return floor(height * k);
}

static aidstat_status_t chart(lay_t *L, aid_block_t *b, const aid_block_t *next)
{
    double height = chart_fit(L, b);
    if (!height && L->y > L->mt) {
        new_page(L);
        height = chart_fit(L, b);
    }
    if (!height)
        height = b->height; /* taller than a page: as tall as asked */
    else
        height = pair_height(L, b, next, height);
    caption(L, L_("Figure"), b->number, b->caption);
    if (L->draw) {
        figure_tag(L, aidstat_chart_describe(b->chart));
        cairo_save(L->cr);
        cairo_translate(L->cr, L->ml, L->y);
        aidstat_status_t st = aidstat_chart_draw(b->chart, L->cr, L->cw, height, L->err);
        cairo_restore(L->cr);
        untag(L, "Figure");
        if (st != AIDSTAT_OK) {
            /* the chart's block in the spec, not the output file */
            L->err->line = b->line;
            L->err->column = 1;
            g_strlcpy(L->err->file, L->s->path, sizeof L->err->file);
            return st;
        }
    }
    L->y += height + L->s->font_size * 1.2;
    return AIDSTAT_OK;
}

static void image(lay_t *L, aid_block_t *b)
{
    double iw = b->image_w, ih = b->image_h;
    double scale = fmin(L->cw / iw, (L->ybot - L->mt) * 0.6 / ih);
    scale = fmin(scale, 1.0);
    double h = ih * scale;
    if (L->y + h + L->s->font_size * 3 > L->ybot && L->y > L->mt)
        new_page(L);
    if (L->draw) {
        figure_tag(L, b->caption);
        cairo_save(L->cr);
        cairo_translate(L->cr, L->ml, L->y);
        cairo_scale(L->cr, scale, scale);
        cairo_set_source_surface(L->cr, b->image, 0, 0);
        cairo_paint(L->cr);
        cairo_restore(L->cr);
        untag(L, "Figure");
    }
    L->y += h + L->s->font_size * 0.4;
    caption(L, L_("Figure"), b->number, b->caption);
    L->y += L->s->font_size * 0.6;
}

/* A table's column widths: natural widths, shrunk to fit the page (the
 * widest first; their text wraps). Newly allocated. */
static double *column_widths(lay_t *L, const aid_block_t *b, double fs, double pad)
{
    size_t nc = b->ncols, nr = b->nrows;
    double *w = g_new0(double, nc);
    for (size_t j = 0; j < nc; j++)
        for (size_t i = 0; i < nr; i++) {
            PangoLayout *l =
                markup(L, b->cells[i * nc + j] ? b->cells[i * nc + j] : "", fs, i < b->header_rows, -1);
            double tw;
            aid_text_extent(l, &tw, NULL);
            w[j] = fmax(w[j], tw + 2 * pad);
            g_object_unref(l);
        }
    double sum = 0;
    for (size_t j = 0; j < nc; j++)
        sum += w[j];
    if (sum > L->cw) {
        double over = sum - L->cw;
        for (size_t j = 0; j < nc && over > 0; j++) {
            double cut = fmin(over, w[j] * 0.5);
            w[j] -= cut;
            over -= cut;
        }
    }
    return w;
}

/* Row heights of a table at its column widths. */
static void table(lay_t *L, aid_block_t *b)
{
    size_t nc = b->ncols, nr = b->nrows;
    if (!nc || !nr)
        return;
    double fs = 0.85, pad = L->s->font_size * 0.35;
    double *w = column_widths(L, b, fs, pad);
    double sum = 0; /* the rule under the header spans the columns */
    for (size_t j = 0; j < nc; j++)
        sum += w[j];
    double *rh = g_new0(double, nr);
    for (size_t i = 0; i < nr; i++)
        for (size_t j = 0; j < nc; j++) {
            PangoLayout *l = markup(L, b->cells[i * nc + j] ? b->cells[i * nc + j] : "", fs,
                                    i < b->header_rows, w[j] - 2 * pad);
            double th;
            aid_text_extent(l, NULL, &th);
            rh[i] = fmax(rh[i], th + 2 * pad);
            g_object_unref(l);
        }
    double head = 0, all = 0;
    for (size_t i = 0; i < nr; i++) {
        if (i < b->header_rows)
            head += rh[i];
        all += rh[i];
    }
    /* a table that fits on a page is not split; a longer one starts with
     * at least three rows under its header */
    double cap = b->number ? L->s->font_size * 2.2 : 0, tail = b->note ? L->s->font_size * 3 : 0;
    double fits_page = L->ybot - L->mt;
    double want =
        all + cap + tail <= fits_page ? all + cap + tail : head + cap + rh[MIN(b->header_rows, nr - 1)] * 3;
    if (L->y + want > L->ybot && L->y > L->mt)
        new_page(L);
    tag(L, "Table");
    if (b->number)
        caption(L, L_("Table"), b->number, b->caption);
    size_t i = 0;
    bool header_tagged = false; /* a header repeated on a later page is not content again */
    bool header_drawn = false;
    while (i < nr) {
        if (!header_drawn) {
            /* a repeated header is page furniture, an artifact */
            bool repeat = header_tagged && L->draw;
            if (repeat)
                cairo_tag_begin(L->cr, AID_FURNITURE_TAG, NULL);
            for (size_t h = 0; h < b->header_rows; h++) {
                double x = L->ml;
                if (!header_tagged)
                    tag(L, "TR");
                for (size_t j = 0; j < nc; j++) {
                    if (!header_tagged)
                        tag(L, "TH");
                    if (L->draw) {
                        PangoLayout *l = markup(L, b->cells[h * nc + j] ? b->cells[h * nc + j] : "", fs, true,
                                                w[j] - 2 * pad);
                        pango_layout_set_alignment(l, b->right[j] ? PANGO_ALIGN_RIGHT : PANGO_ALIGN_LEFT);
                        aid_set_rgb(L->cr, L->theme->ink);
                        aid_text_draw(L->cr, l, x + pad, L->y + pad);
                        g_object_unref(l);
                    }
                    if (!header_tagged)
                        untag(L, "TH");
                    x += w[j];
                }
                if (!header_tagged)
                    untag(L, "TR");
                L->y += rh[h];
            }
            header_tagged = true;
            if (L->draw) {
                aid_set_rgb(L->cr, L->theme->ink);
                cairo_set_line_width(L->cr, 0.8);
                cairo_move_to(L->cr, L->ml, L->y);
                cairo_line_to(L->cr, L->ml + fmin(L->cw, sum), L->y);
                cairo_stroke(L->cr);
            }
            if (repeat)
                cairo_tag_end(L->cr, AID_FURNITURE_TAG);
            header_drawn = true;
            if (i < b->header_rows)
                i = b->header_rows;
            continue;
        }
        if (L->y + rh[i] > L->ybot) {
            new_page(L);
            header_drawn = false; /* repeat the header on the new page */
            continue;
        }
        double x = L->ml;
        tag(L, "TR");
        for (size_t j = 0; j < nc; j++) {
            tag(L, "TD");
            if (L->draw) {
                PangoLayout *l =
                    markup(L, b->cells[i * nc + j] ? b->cells[i * nc + j] : "", fs, false, w[j] - 2 * pad);
                pango_layout_set_alignment(l, b->right[j] ? PANGO_ALIGN_RIGHT : PANGO_ALIGN_LEFT);
                aid_set_rgb(L->cr, L->theme->ink);
                aid_text_draw(L->cr, l, x + pad, L->y + pad);
                g_object_unref(l);
            }
            untag(L, "TD");
            x += w[j];
        }
        untag(L, "TR");
        L->y += rh[i];
        if (L->draw) {
            aid_set_rgb(L->cr, L->theme->grid);
            cairo_set_line_width(L->cr, 0.4);
            cairo_move_to(L->cr, L->ml, L->y);
            cairo_line_to(L->cr, L->ml + fmin(L->cw, sum), L->y);
            cairo_stroke(L->cr);
        }
        i++;
    }
    untag(L, "Table");
    if (b->note) {
        PangoLayout *l = markup(L, "", 0.75, false, L->cw);
        pango_layout_set_text(l, b->note, -1);
        double h;
        aid_text_extent(l, NULL, &h);
        if (L->y + h > L->ybot)
            new_page(L);
        if (L->draw) {
            tag(L, "P");
            aid_set_rgb(L->cr, L->theme->muted);
            aid_text_draw(L->cr, l, L->ml, L->y + L->s->font_size * 0.3);
            untag(L, "P");
        }
        L->y += h + L->s->font_size * 0.3;
        g_object_unref(l);
    }
    L->y += L->s->font_size * 1.0;
    g_free(w);
    g_free(rh);
}

static void kpi(lay_t *L, aid_block_t *b)
{
    size_t n = b->kpi_value->len;
    if (!n)
        return;
    size_t per_row = n <= 4 ? n : (n + 1) / 2;
    per_row = MIN(per_row, 3u);
    double gap = L->s->font_size, bw = (L->cw - gap * (double)(per_row - 1)) / (double)per_row;
    for (size_t r0 = 0; r0 < n; r0 += per_row) {
        double rowh = 0;
        PangoLayout *ls[3][3] = {{0}};
        for (size_t k = 0; k < per_row && r0 + k < n; k++) {
            ls[k][0] = markup(L, "", 2.0, true, bw);
            pango_layout_set_text(ls[k][0], g_ptr_array_index(b->kpi_value, r0 + k), -1);
            ls[k][1] = markup(L, "", 0.9, false, bw);
            pango_layout_set_text(ls[k][1], g_ptr_array_index(b->kpi_label, r0 + k), -1);
            ls[k][2] = markup(L, "", 0.75, false, bw);
            pango_layout_set_text(ls[k][2], g_ptr_array_index(b->kpi_note, r0 + k), -1);
            double h = 0, t;
            for (int q = 0; q < 3; q++) {
                aid_text_extent(ls[k][q], NULL, &t);
                h += t;
            }
            rowh = fmax(rowh, h + L->s->font_size * 0.8);
        }
        if (L->y + rowh > L->ybot && L->y > L->mt)
            new_page(L);
        for (size_t k = 0; k < per_row && r0 + k < n; k++) {
            double x = L->ml + (double)k * (bw + gap), y = L->y + L->s->font_size * 0.3;
            if (L->draw) {
                aid_set_rgb(L->cr, L->theme->highlight);
                cairo_rectangle(L->cr, x, L->y, bw, 2.0);
                cairo_fill(L->cr);
            }
            for (int q = 0; q < 3; q++) {
                double t;
                aid_text_extent(ls[k][q], NULL, &t);
                if (L->draw) {
                    tag(L, "P");
                    aid_set_rgb(L->cr, q == 2 ? L->theme->muted : L->theme->ink);
                    aid_text_draw(L->cr, ls[k][q], x, y);
                    untag(L, "P");
                }
                y += t;
                g_object_unref(ls[k][q]);
            }
        }
        L->y += rowh + L->s->font_size * 0.6;
    }
    L->y += L->s->font_size * 0.6;
}

static void para(lay_t *L, aid_block_t *b)
{
    PangoLayout *l = markup(L, b->markup, 1.0, false, L->cw);
    tag(L, "P");
    flow(L, l, L->ml, b, L->s->font_size * 0.7);
    untag(L, "P");
    g_object_unref(l);
}

/* A chart at block i that does not fit on the rest of a page still more
 * than a quarter empty: the paragraphs after it that fit there whole go
 * first (as a figure floats in print), so that the page is not left
 * mostly empty. Not past a heading or another figure or table. Returns
 * the index of the last block placed (i when none). */
static guint float_paras(lay_t *L, guint i)
{
    const aid_block_t *b = g_ptr_array_index(L->s->blocks, i);
    if (chart_fit(L, b) || room(L) < (L->ybot - L->mt) * 0.25)
        return i;
    guint j = i + 1;
    double y = L->y;
    for (; j < L->s->blocks->len; j++) {
        aid_block_t *p = g_ptr_array_index(L->s->blocks, j);
        if (p->type != AID_B_PARA)
            break;
        PangoLayout *l = markup(L, p->markup, 1.0, false, L->cw);
        double h;
        aid_text_extent(l, NULL, &h);
        g_object_unref(l);
        if (y + h > L->ybot)
            break;
        y += h + L->s->font_size * 0.7;
    }
    /* blocks i+1 .. j-1 go before the chart */
    for (guint k = i + 1; k < j; k++)
        para(L, g_ptr_array_index(L->s->blocks, k));
    return j - 1;
}

static aidstat_status_t pass(lay_t *L)
{
    L->page = 0;
    L->heading = 0;
    memset(L->outline, 0, sizeof L->outline);
    new_page(L);
    if (L->draw) {
        /* the first new_page showed nothing yet: it only set the cursor */
    }
    title_block(L);
    if (L->s->toc)
        toc(L);
    double fsz = L->s->font_size;
    for (guint i = 0; i < L->s->blocks->len; i++) {
        aid_block_t *b = g_ptr_array_index(L->s->blocks, i);
        aid_block_t *next = i + 1 < L->s->blocks->len ? g_ptr_array_index(L->s->blocks, i + 1) : NULL;
        switch (b->type) {
        case AID_B_HEADING:
            heading(L, b, next);
            break;
        case AID_B_PARA:
            para(L, b);
            break;
        case AID_B_ITEM: {
            double indent = fsz * 1.3 * b->level;
            PangoLayout *l = markup(L, b->markup, 1.0, false, L->cw - indent);
            /* the marker goes with the item's first line */
            double *tops, total;
            line_tops(l, &tops, &total);
            if (L->y + (tops[1] - tops[0]) > L->ybot)
                new_page(L);
            g_free(tops);
            /* a run of items is one list */
            aid_block_t *prev = i > 0 ? g_ptr_array_index(L->s->blocks, i - 1) : NULL;
            if (!prev || prev->type != AID_B_ITEM)
                tag(L, "L");
            tag(L, "LI");
            if (L->draw && b->marker) {
                aid_font_t f = font(L, 1.0, false);
                PangoLayout *ml = aid_text(L->cr, b->marker, &f);
                double mw;
                aid_text_extent(ml, &mw, NULL);
                tag(L, "Lbl");
                aid_set_rgb(L->cr, L->theme->ink);
                aid_text_draw(L->cr, ml, L->ml + indent - mw - fsz * 0.4, L->y);
                untag(L, "Lbl");
                g_object_unref(ml);
            }
            tag(L, "LBody");
            flow(L, l, L->ml + indent, b, fsz * 0.25);
            untag(L, "LBody");
            untag(L, "LI");
            if (!next || next->type != AID_B_ITEM)
                untag(L, "L");
            g_object_unref(l);
            break;
        }
        case AID_B_QUOTE: {
            PangoLayout *l = markup(L, b->markup, 0.95, false, L->cw - fsz * 1.5);
            double y0 = L->y;
            int p0 = L->page;
            tag(L, "BlockQuote");
            flow(L, l, L->ml + fsz * 1.5, b, fsz * 0.7);
            untag(L, "BlockQuote");
            if (L->draw && p0 == L->page) {
                aid_set_rgb(L->cr, L->theme->grid);
                cairo_set_line_width(L->cr, 2.5);
                cairo_move_to(L->cr, L->ml + fsz * 0.4, y0);
                cairo_line_to(L->cr, L->ml + fsz * 0.4, L->y - fsz * 0.7);
                cairo_stroke(L->cr);
            }
            g_object_unref(l);
            break;
        }
        case AID_B_CODE: {
            char *m = g_strdup_printf("<tt>%s</tt>", b->markup);
            PangoLayout *l = markup(L, m, 0.85, false, L->cw - fsz);
            tag(L, "Code");
            flow(L, l, L->ml + fsz * 0.5, b, fsz * 0.7);
            untag(L, "Code");
            g_object_unref(l);
            g_free(m);
            break;
        }
        case AID_B_RULE:
            if (L->y + fsz * 2 > L->ybot)
                new_page(L);
            if (L->draw) {
                aid_set_rgb(L->cr, L->theme->grid);
                cairo_set_line_width(L->cr, 0.8);
                cairo_move_to(L->cr, L->ml, L->y + fsz * 0.6);
                cairo_line_to(L->cr, L->ml + L->cw, L->y + fsz * 0.6);
                cairo_stroke(L->cr);
            }
            L->y += fsz * 1.4;
            break;
        case AID_B_TABLE:
            table(L, b);
            break;
        case AID_B_CHART: {
            i = float_paras(L, i); /* b is still the chart */
            aidstat_status_t st =
                chart(L, b, i + 1 < L->s->blocks->len ? g_ptr_array_index(L->s->blocks, i + 1) : NULL);
            if (st != AIDSTAT_OK)
                return st;
            break;
        }
        case AID_B_KPI:
            kpi(L, b);
            break;
        case AID_B_IMAGE:
            image(L, b);
            break;
        default:
            break;
        }
    }
    return AIDSTAT_OK;
}

aidstat_status_t aid_layout_draw(aid_spec_t *s, cairo_t *cr, double w, double h, GPtrArray *alts,
                                 aidstat_error_t *err)
{
    lay_t L = {0};
    L.alts = alts;
    L.s = s;
    L.cr = cr;
    L.pw = w;
    L.ph = h;
    L.ml = 20 * 72 / 25.4;
    L.mt = 24 * 72 / 25.4;
    L.mb = 22 * 72 / 25.4;
    L.cw = w - 2 * L.ml;
    L.ybot = h - L.mb;
    L.hpage = g_array_new(FALSE, FALSE, sizeof(int));
    L.err = err;
    L.theme = aid_theme_find(s->theme);
    if (!L.theme) {
        g_array_free(L.hpage, TRUE);
        return aid_error_set(err, AIDSTAT_ERR_USAGE, NULL, 0, 0, "theme \"%s\": default or print", s->theme);
    }
    /* pass 1: where things fall */
    L.draw = false;
    aidstat_status_t st = pass(&L);
    if (st == AIDSTAT_OK) {
        L.pages = L.page;
        L.draw = true;
        /* One structure element around everything. Besides making the PDF a
         * tagged one, this works around cairo 1.16: without any structure
         * element, a page with a link annotation gets a parent-tree entry
         * pointing at an object that is never written (qpdf: "file is damaged"). */
        cairo_tag_begin(cr, "Document", NULL);
        st = pass(&L);
        cairo_tag_end(cr, "Document");
    }
    g_array_free(L.hpage, TRUE);
    return st;
}
