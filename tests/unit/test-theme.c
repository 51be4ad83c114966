/* Text colours are legible (issue 14, item 5): aid_rgb_contrast follows
 * WCAG 2's formula (values from the definition worked by hand: black on
 * white 21:1; #767676 on white 4.54:1, the lightest grey that passes), and
 * aid_rgb_legible brings every palette colour of both themes to at least
 * 4.5:1 on the theme's background, leaving colours that pass as they are. */
#include "config.h"
#include "render/render.h"
#include "testlib.h"

int main(void)
{
    aid_rgb_t white = {1, 1, 1}, black = {0, 0, 0}, grey = {0x76 / 255.0, 0x76 / 255.0, 0x76 / 255.0};
    CHECK_NEAR(aid_rgb_contrast(black, white), 21.0, 1e-9);
    CHECK_NEAR(aid_rgb_contrast(white, black), 21.0, 1e-9);
    CHECK_NEAR(aid_rgb_contrast(grey, white), 4.54, 0.002);
    aid_rgb_t yellow;
    CHECK(aid_rgb_parse("#F0E442", &yellow));
    CHECK(aid_rgb_contrast(yellow, white) < 1.5); /* unreadable as text */
    const char *names[] = {"default", "print"};
    for (int t = 0; t < 2; t++) {
        const aid_theme_t *th = aid_theme_find(names[t]);
        for (size_t i = 0; i < th->npalette; i++) {
            aid_rgb_t c = th->palette[i], l = aid_rgb_legible(c, th->background);
            CHECK(aid_rgb_contrast(l, th->background) >= 4.5);
            if (aid_rgb_contrast(c, th->background) >= 4.5)
                CHECK(l.r == c.r && l.g == c.g && l.b == c.b);
        }
    }
    /* on a dark ground, lighter */
    aid_rgb_t l = aid_rgb_legible((aid_rgb_t){0.2, 0.2, 0.5}, black);
    CHECK(aid_rgb_contrast(l, black) >= 4.5);
    return testlib_done("test-theme");
}
