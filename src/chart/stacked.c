/* Stacked and grouped horizontal bars: one bar per item, split into its
 * series (stacked: segments end to end; grouped: thin bars side by side),
 * names at the left, a legend above, value labels at the bar ends where
 * they fit, "Others" in greys. More series than the palette has colours
 * are folded into one grey part, so no two parts share a colour. */
#include "config.h"
#include "chart/axis.h"
#include "chart/kinds.h"
#include "data/error.h"

#include <math.h>
#include <stdio.h>

typedef struct {
    aidstat_chart_t *c;
    size_t n, m; /* items, parts shown */
    double *v;   /* n x m; NaN: none */
    bool folded; /* the last part is the sum of the series left over */
} parts_t;

static double part(const parts_t *p, size_t i, size_t j)
{
    return p->v[i * p->m + j];
}

/* 0 for a missing part: a stack simply has no segment there */
static double part0(const parts_t *p, size_t i, size_t j)
{
    double v = part(p, i, j);
    return isnan(v) ? 0 : v;
}

/* "Others" keeps its parts apart by lightness alone: dark to light greys
 * around the theme's grey. */
static aid_rgb_t others_tone(const aidstat_chart_t *c, size_t j, size_t m)
{
    aid_rgb_t g = c->theme->other;
    double t = m > 1 ? (double)j / (double)(m - 1) : 0.5;
    aid_rgb_t dark = {g.r * 0.62, g.g * 0.62, g.b * 0.62};
    aid_rgb_t light = {g.r + (1 - g.r) * 0.55, g.g + (1 - g.g) * 0.55, g.b + (1 - g.b) * 0.55};
    aid_rgb_t o = {dark.r + (light.r - dark.r) * t, dark.g + (light.g - dark.g) * t,
                   dark.b + (light.b - dark.b) * t};
    return o;
}

static aid_rgb_t part_color(const parts_t *p, size_t i, size_t j)
{
    if (p->c->items[i].others)
        return others_tone(p->c, j, p->m);
    if (p->folded && j == p->m - 1)
        return p->c->theme->other;
    return aid_chart_color(p->c, j);
}

/* Text on a coloured segment: white or ink, whichever stands out more
 * (WCAG contrast), darkened or lightened when even that is below 4.5:1. */
static aid_rgb_t text_on(const aidstat_chart_t *c, aid_rgb_t bg)
{
    aid_rgb_t white = {1, 1, 1}, ink = c->theme->ink;
    aid_rgb_t t = aid_rgb_contrast(white, bg) > aid_rgb_contrast(ink, bg) ? white : ink;
    return aid_rgb_legible(t, bg);
}

static double text_width(cairo_t *cr, const char *s, const aid_font_t *font)
{
    PangoLayout *l = aid_text(cr, s, font);
    double w;
    aid_text_extent(l, &w, NULL);
    g_object_unref(l);
    return w;
}

/* The legend of the parts shown: the chart's series, the folded ones as
 * "N others" in grey. */
static double legend(aidstat_chart_t *c, cairo_t *cr, const aid_frame_t *f, const parts_t *p, bool draw)
{
    char **saved = c->series;
    size_t savedn = c->nser;
    aid_rgb_t savedc = c->palette[0];
    char *rest = NULL;
    if (p->folded) {
        c->series = g_new0(char *, p->m + 1);
        for (size_t j = 0; j + 1 < p->m; j++)
            c->series[j] = saved[j];
        rest = g_strdup_printf("%zu others", savedn - (p->m - 1));
        c->series[p->m - 1] = rest;
        c->nser = p->m;
        savedc = c->palette[(p->m - 1) % c->npalette];
        c->palette[(p->m - 1) % c->npalette] = c->theme->other;
    }
    double h = aid_legend_height(c, cr, f, f->w);
    if (draw)
        aid_legend_draw(c, cr, f, f->x, f->y, f->w);
    if (p->folded) {
        c->palette[(p->m - 1) % c->npalette] = savedc;
        g_free(c->series);
        g_free(rest);
        c->series = saved;
        c->nser = savedn;
    }
    return h;
}

/* Where the rows of a stacked or grouped chart go and how their values
 * are written. */
typedef struct {
    const aid_scale_t *s;
    const aid_frame_t *rf; /* the rows' frame: its font shrinks with the row height */
    const aid_font_t *vf;  /* value labels */
    double x0, x1, xz;     /* the axis and its zero */
    double band, group, pitch;
    bool pct, values;
} rows_t;

/* Row i of a stacked chart at height yc: its parts side by side, then its
 * total after the bar, or (100 % stacks) each part's share inside it.
 * edge holds m + 1 x positions. */
static void stack_row(parts_t *p, cairo_t *cr, const rows_t *g, size_t i, double yc, double *edge)
{
    aidstat_chart_t *c = p->c;
    size_t m = p->m;
    char buf[64];
    double total = 0;
    for (size_t j = 0; j < m; j++)
        total += part0(p, i, j);
    if (g->pct && total <= 0)
        return; /* nothing to divide */
    double bh = g->band * 0.68, acc = 0;
    edge[0] = g->xz;
    for (size_t j = 0; j < m; j++) {
        double v = part0(p, i, j);
        double a = acc, b = acc + (g->pct ? v / total * 100 : v);
        acc = b;
        double xa = aid_scale_map(g->s, a, g->x0, g->x1), xb = aid_scale_map(g->s, b, g->x0, g->x1);
        edge[j + 1] = xb;
        if (xb - xa <= 0)
            continue;
        aid_set_rgb(cr, part_color(p, i, j));
        cairo_rectangle(cr, xa, yc - bh / 2, xb - xa, bh);
        cairo_fill(cr);
    }
    /* hairlines in the background colour keep neighbouring parts apart */
    aid_set_rgb(cr, c->theme->background);
    cairo_set_line_width(cr, 0.6);
    for (size_t j = 1; j < m; j++)
        if (edge[j] > g->xz + 0.3 && edge[j] < edge[m] - 0.3 && part0(p, i, j) > 0) {
            cairo_move_to(cr, edge[j], yc - bh / 2);
            cairo_line_to(cr, edge[j], yc + bh / 2);
            cairo_stroke(cr);
        }
    if (g->pct) {
        /* each part's share inside it, where it fits */
        aid_font_t pf = aid_font(g->rf, 0.8, false);
        for (size_t j = 0; j < m; j++) {
            double v = part0(p, i, j), w = edge[j + 1] - edge[j];
            if (v <= 0)
                continue;
            char num[48];
            double share = v / total * 100;
            aid_num(share, share < 1 ? 1 : 0, c->locale, num, sizeof num);
            snprintf(buf, sizeof buf, "%s %%", num);
            PangoLayout *pl = aid_text(cr, buf, &pf);
            double pw, ph;
            aid_text_extent(pl, &pw, &ph);
            if (pw + g->rf->font * 0.5 <= w && ph <= bh * 1.05) {
                aid_set_rgb(cr, text_on(c, part_color(p, i, j)));
                aid_text_draw_at(cr, pl, edge[j] + w / 2, yc - ph / 2, 0.5);
            }
            g_object_unref(pl);
        }
    } else if (g->values) {
        PangoLayout *vl = aid_text(cr, aid_chart_value(c, total, -1, buf, sizeof buf), g->vf);
        double vw, vh;
        aid_text_extent(vl, &vw, &vh);
        aid_set_rgb(cr, c->theme->ink);
        aid_text_draw(cr, vl, edge[m] + g->rf->font * 0.3, yc - vh / 2);
        g_object_unref(vl);
    }
}

/* Row i of a grouped chart at height yc: a thin bar per part, each with
 * its value where there is room; returns the number of values left out. */
static size_t group_row(parts_t *p, cairo_t *cr, const aid_frame_t *f, const rows_t *g, size_t i, double yc)
{
    aidstat_chart_t *c = p->c;
    size_t m = p->m, unlabelled = 0;
    char buf[64];
    double gy = yc - g->group / 2, bh = g->pitch * (m > 1 ? 0.86 : 1);
    for (size_t j = 0; j < m; j++) {
        double v = part(p, i, j);
        if (isnan(v))
            continue;
        double by = gy + g->pitch * (double)j + (g->pitch - bh) / 2, bc = gy + g->pitch * ((double)j + 0.5);
        double xb = aid_scale_map(g->s, v, g->x0, g->x1);
        aid_set_rgb(cr, part_color(p, i, j));
        cairo_rectangle(cr, MIN(g->xz, xb), by, fabs(xb - g->xz), bh);
        cairo_fill(cr);
        if (!g->values)
            continue;
        /* an exact zero is no rounded "0.00" */
        PangoLayout *vl = aid_text(cr, aid_chart_value(c, v, v == 0 ? 0 : -1, buf, sizeof buf), g->vf);
        double vw, vh;
        aid_text_extent(vl, &vw, &vh);
        double vx = v >= 0 ? xb + g->rf->font * 0.3 : xb - vw - g->rf->font * 0.3;
        if (v < 0 && vx < g->x0) /* a short negative bar: its label right of the zero line */
            vx = g->xz + g->rf->font * 0.3;
        if (vx >= g->x0 - g->rf->font * 0.3 && vx + vw <= f->x + f->w) {
            aid_set_rgb(cr, c->theme->ink);
            aid_text_draw(cr, vl, vx, bc - vh / 2);
        } else {
            unlabelled++;
        }
        g_object_unref(vl);
    }
    return unlabelled;
}

static aidstat_status_t draw(parts_t *p, cairo_t *cr, const aid_frame_t *f, aidstat_error_t *err)
{
    aidstat_chart_t *c = p->c;
    size_t n = p->n, m = p->m;
    bool stacked = c->opt.kind == AIDSTAT_CHART_STACKED;
    bool pct = stacked && c->opt.percent;
    char buf[64];

    double lo = 0, hi = 0;
    for (size_t i = 0; i < n; i++) {
        double total = 0;
        for (size_t j = 0; j < m; j++) {
            double v = part0(p, i, j);
            total += v;
            lo = MIN(lo, v);
            hi = MAX(hi, v);
        }
        if (stacked)
            hi = MAX(hi, total);
    }
    if (pct) {
        lo = 0;
        hi = 100;
    }
    aid_scale_t s;
    aid_scale_nice(&s, lo, hi, pct ? 5 : 6);

    /* the legend above, left-aligned with the title */
    double top = f->y, height = f->h;
    double lh = legend(c, cr, f, p, true);
    if (lh > 0) {
        top += lh + f->font * 0.8;
        height -= lh + f->font * 0.8;
    }

    /* rows: the font shrinks with the row height, down to a limit */
    double axis_h = f->font * 1.6;
    /* a few rows stay bars, not slabs: a stacked row at most AID_BAND_MAX
     * text heights, a grouped one so that each thin bar is at most about
     * its value label's height; the rows centred in the plot */
    double band_max = f->font * MAX(AID_BAND_MAX, (double)m * 1.3 / 0.8);
    double band = MIN((height - axis_h) / (double)n, stacked ? f->font * AID_BAND_MAX : band_max);
    double slack = height - axis_h - band * (double)n;
    aid_frame_t rf = *f;
    rf.font = MIN(f->font, band / 1.35);
    /* grouped: each of the m thin bars needs some thickness to be seen */
    double group = band * (m > 3 ? 0.84 : 0.78), pitch = group / (double)m;
    if (rf.font < 4.5 || (!stacked && pitch < 1.5))
        return aid_error_set(
            err, AIDSTAT_ERR_USAGE, NULL, 0, 0,
            "%zu %s do not fit in a plot %.0f pt high: show fewer rows or make the chart taller", n,
            stacked ? "bars" : "groups of bars", height);
    aid_font_t lf = aid_font(&rf, 1.0, false);
    lf.max_lines = band >= rf.font * 2.6 ? 2 : 1;
    double namew = 0;
    for (size_t i = 0; i < n; i++)
        namew = MAX(namew, text_width(cr, c->items[i].label, &lf));
    namew = MIN(namew, f->w * 0.32);
    lf.width = namew;

    /* value labels: stacked, the total after the bar; grouped, each thin
     * bar's value, in a font no taller than the bar's pitch */
    aid_font_t vf = aid_font(&rf, 0.9, false);
    bool values = !pct;
    if (!stacked) {
        vf.size = MIN(vf.size, pitch * 0.95); /* digits are ~0.75 em tall: neighbours stay apart */
        if (vf.size < 4.5) {
            values = false;
            aid_chart_warn(c, "bars too thin for value labels: show fewer rows or make the chart taller");
        }
    }
    double valw = 0;
    for (size_t i = 0; i < n && values; i++) {
        if (stacked) {
            double total = 0;
            for (size_t j = 0; j < m; j++)
                total += part0(p, i, j);
            valw = MAX(valw, text_width(cr, aid_chart_value(c, total, -1, buf, sizeof buf), &vf));
        } else {
            for (size_t j = 0; j < m; j++)
                if (part(p, i, j) >= 0)
                    valw = MAX(valw,
                               text_width(cr, aid_chart_value(c, part(p, i, j), -1, buf, sizeof buf), &vf));
        }
    }
    /* the last tick label is centred on the right end of the axis */
    aid_font_t tf = aid_font(f, 0.85, false);
    aid_chart_tick(c, aid_scale_tick(&s, s.nticks - 1), s.step, buf, sizeof buf);
    double tickw = text_width(cr, buf, &tf);
    double right = MAX(values ? valw + rf.font * 0.6 : 0, tickw / 2 + 1);
    double x0 = f->x + namew + rf.font * 0.8;
    double x1 = f->x + f->w - right;
    if (x1 - x0 < f->w * 0.25)
        return aid_error_set(err, AIDSTAT_ERR_USAGE, NULL, 0, 0,
                             "the chart is too narrow for its names and values: make it wider");
    double ytop = top + slack / 2, ybot = ytop + band * (double)n;
    aid_axis_x(c, cr, f, &s, x0, x1, ytop, ybot);

    size_t shortened = 0, unlabelled = 0;
    double xz = aid_scale_map(&s, 0, x0, x1);
    double *edge = g_new(double, m + 1);
    for (size_t i = 0; i < n; i++) {
        const aid_item_t *it = &c->items[i];
        double yc = ytop + band * ((double)i + 0.5);
        PangoLayout *l = aid_text(cr, it->label, &lf);
        double tw, th;
        aid_text_extent(l, &tw, &th);
        shortened += aid_text_ellipsized(l);
        aid_set_rgb(cr, c->theme->ink);
        aid_text_draw_at(cr, l, f->x + namew, yc - th / 2, 1);
        g_object_unref(l);

        rows_t g = {&s, &rf, &vf, x0, x1, xz, band, group, pitch, pct, values};
        if (stacked)
            stack_row(p, cr, &g, i, yc, edge);
        else
            unlabelled += group_row(p, cr, f, &g, i, yc);
    }
    g_free(edge);
    if (shortened)
        aid_chart_warn(c, "%zu names shortened to fit; widen the chart to see them whole", shortened);
    if (unlabelled)
        aid_chart_warn(c, "%zu value labels left out: no room at the bar ends", unlabelled);
    return AIDSTAT_OK;
}

aidstat_status_t aid_draw_stacked(aidstat_chart_t *c, cairo_t *cr, const aid_frame_t *f, aidstat_error_t *err)
{
    size_t n = c->nitems, ns = c->nser;
    bool stacked = c->opt.kind == AIDSTAT_CHART_STACKED;
    char buf[64];
    if (!ns)
        return aid_error_set(err, AIDSTAT_ERR_EMPTY, NULL, 0, 0, "nothing to draw");

    /* a stack adds parts of one whole: a negative part has no place in it */
    for (size_t i = 0; i < n && stacked; i++)
        for (size_t j = 0; j < ns; j++)
            if (c->items[i].v[j] < 0)
                return aid_error_set(
                    err, AIDSTAT_ERR_DATA, NULL, 0, 0,
                    "a stacked bar cannot show the negative value of %s (%s%s%s); use grouped",
                    c->items[i].label, c->series[j], c->series[j][0] ? ": " : "",
                    aid_chart_value(c, c->items[i].v[j], -1, buf, sizeof buf));

    parts_t p = {c, n, ns, NULL, false};
    if (ns > c->npalette && c->npalette >= 2) {
        p.m = c->npalette;
        p.folded = true;
        aid_chart_warn(c, "%zu series but %zu colours: the last %zu are shown together in grey", ns,
                       c->npalette, ns - (p.m - 1));
    }
    p.v = g_new(double, n *p.m);
    for (size_t i = 0; i < n; i++) {
        for (size_t j = 0; j < p.m; j++)
            p.v[i * p.m + j] = c->items[i].v[j];
        if (p.folded) {
            double rest = NAN;
            for (size_t j = p.m - 1; j < ns; j++)
                if (!isnan(c->items[i].v[j]))
                    rest = (isnan(rest) ? 0 : rest) + c->items[i].v[j];
            p.v[i * p.m + p.m - 1] = rest;
        }
    }
    /* ticks in % of each bar, not in money, while the axis is drawn */
    bool saved = c->percent_values;
    if (stacked && c->opt.percent)
        c->percent_values = true;
    aidstat_status_t st = draw(&p, cr, f, err);
    c->percent_values = saved;
    g_free(p.v);
    return st;
}
