/* Themes: a clean default with the Okabe–Ito colour-blind-safe palette
 * (Okabe & Ito, "Color Universal Design", 2008), and a grayscale print
 * theme whose greys stay apart when photocopied. */
#include "config.h"
#include "render/render.h"

#include <glib.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#define RGB(h)                                                                                               \
    {                                                                                                        \
        ((h) >> 16 & 0xff) / 255.0, ((h) >> 8 & 0xff) / 255.0, ((h)&0xff) / 255.0                            \
    }

static const aid_theme_t themes[] = {
    {"default",
     RGB(0x222222),
     RGB(0x666666),
     RGB(0xDDDDDD),
     RGB(0xFFFFFF),
     RGB(0x0072B2),
     RGB(0xBBBBBB),
     {RGB(0x0072B2), RGB(0xE69F00), RGB(0x009E73), RGB(0xD55E00), RGB(0xCC79A7), RGB(0x56B4E9), RGB(0xF0E442),
      RGB(0x000000)},
     8},
    {"print",
     RGB(0x000000),
     RGB(0x444444),
     RGB(0xCCCCCC),
     RGB(0xFFFFFF),
     RGB(0x000000),
     RGB(0xBBBBBB),
     {RGB(0x1A1A1A), RGB(0x7A7A7A), RGB(0xB0B0B0), RGB(0x4D4D4D), RGB(0xD0D0D0), RGB(0x999999), RGB(0x333333),
      RGB(0xE0E0E0)},
     8},
};

const aid_theme_t *aid_theme_find(const char *name)
{
    if (!name)
        return &themes[0];
    for (size_t i = 0; i < G_N_ELEMENTS(themes); i++)
        if (!strcmp(themes[i].name, name))
            return &themes[i];
    return NULL;
}

bool aid_rgb_parse(const char *s, aid_rgb_t *out)
{
    unsigned v;
    char end;
    size_t n = s ? strlen(s) : 0;
    /* exactly "#" and 3 or 6 hex digits: sscanf alone would take "#-12" or "# 0x1" */
    if (n != 4 && n != 7)
        return false;
    for (size_t i = 1; i < n; i++)
        if (!g_ascii_isxdigit(s[i]))
            return false;
    if (n == 7 && s[0] == '#' && sscanf(s + 1, "%6x%c", &v, &end) == 1) {
        *out = (aid_rgb_t)RGB(v);
        return true;
    }
    if (n == 4 && s[0] == '#' && sscanf(s + 1, "%3x%c", &v, &end) == 1) {
        unsigned r = (v >> 8) & 0xf, g = (v >> 4) & 0xf, b = v & 0xf;
        out->r = (r * 17) / 255.0, out->g = (g * 17) / 255.0, out->b = (b * 17) / 255.0;
        return true;
    }
    return false;
}

void aid_set_rgb(cairo_t *cr, aid_rgb_t c)
{
    cairo_set_source_rgb(cr, c.r, c.g, c.b);
}

/* WCAG 2 relative luminance of an sRGB colour. */
static double luminance(aid_rgb_t c)
{
    double v[3] = {c.r, c.g, c.b};
    for (int i = 0; i < 3; i++)
        v[i] = v[i] <= 0.04045 ? v[i] / 12.92 : pow((v[i] + 0.055) / 1.055, 2.4);
    return 0.2126 * v[0] + 0.7152 * v[1] + 0.0722 * v[2];
}

double aid_rgb_contrast(aid_rgb_t a, aid_rgb_t b)
{
    double la = luminance(a), lb = luminance(b);
    return (fmax(la, lb) + 0.05) / (fmin(la, lb) + 0.05);
}

aid_rgb_t aid_rgb_legible(aid_rgb_t c, aid_rgb_t background)
{
    /* toward black on a light ground, toward white on a dark one, in small
     * steps, so the hue stays recognisable */
    bool dark_ground = luminance(background) < 0.18;
    aid_rgb_t t = dark_ground ? (aid_rgb_t){1, 1, 1} : (aid_rgb_t){0, 0, 0};
    for (int k = 0; k <= 20 && aid_rgb_contrast(c, background) < 4.5; k++) {
        c.r += (t.r - c.r) * 0.1;
        c.g += (t.g - c.g) * 0.1;
        c.b += (t.b - c.b) * 0.1;
    }
    return c;
}
