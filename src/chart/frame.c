/* The helpers every chart kind draws with: colours, warnings, value and
 * tick labels, fonts. They know the chart's data but call nothing else
 * in src/chart. */
#include "config.h"
#include "chart/frame.h"

#include <math.h>
#include <stdarg.h>
#include <stdio.h>

aid_rgb_t aid_chart_color(const aidstat_chart_t *c, size_t i)
{
    return c->palette[i % c->npalette];
}

void aid_chart_warn(aidstat_chart_t *c, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    g_ptr_array_add(c->warnings, g_strdup_vprintf(fmt, ap));
    va_end(ap);
}

char *aid_chart_value(const aidstat_chart_t *c, double v, int decimals, char *buf, size_t len)
{
    if (isnan(v))
        return g_strlcpy(buf, "n/a", len), buf;
    if (c->percent_values) {
        char n[48];
        aid_num(v, decimals >= 0 ? decimals : (fabs(v) < 10 ? 2 : 1), c->locale, n, sizeof n);
        snprintf(buf, len, "%s %%", n);
        return buf;
    }
    if (c->plain_values) {
        int d = fabs(v) >= 1000 ? 0 : fabs(v) >= 100 ? 1 : fabs(v) >= 10 ? 2 : fabs(v) >= 1 ? 3 : 4;
        return aid_num(v, decimals >= 0 ? decimals : d, c->locale, buf, len);
    }
    if (!c->currency[0]) /* a count */
        return aid_num(v, 0, c->locale, buf, len);
    double shown = fabs(v / c->scale);
    int d = decimals >= 0 ? decimals : shown >= 100 ? 0 : shown >= 10 ? 1 : shown >= 1 ? 1 : 2;
    if (decimals < 0 && aidstat_currency_is_tiv(c->currency))
        d = 0; /* SIPRI's TIVs are whole millions: decimals would be false precision */
    /* 99.96 rounds to 100.0: then it is shown as 100, like every other hundred */
    if (decimals < 0 && d > 0) {
        double r = round(shown * pow(10, d)) / pow(10, d);
        if ((d == 1 && r >= 100) || (d == 2 && r >= 1))
            d--;
    }
    return aid_money(v, c->currency, c->scale, d, c->locale, buf, len);
}

char *aid_chart_tick(const aidstat_chart_t *c, double v, double step, char *buf, size_t len)
{
    double unit = c->percent_values || !c->currency[0] ? 1 : c->scale;
    return aid_num(v / unit, aid_decimals_for_step(step / unit), c->locale, buf, len);
}

aid_font_t aid_font(const aid_frame_t *f, double rel, bool bold)
{
    aid_font_t font = {f->family, f->font * rel, bold, 0, 0, PANGO_ALIGN_LEFT};
    return font;
}
