/* Image helpers for the visual tests (tests/ref-images.sh, tests/svg-text.sh):
 *
 *   imgtool svg IN.svg OUT.png DPI   render an SVG with librsvg, on white
 *   imgtool diff A.png B.png FUZZ    print "N of M" pixels that differ
 *
 * diff compares the images after a 3x3 box blur over white, so that a glyph
 * edge anti-aliased a little differently on another machine (hinting,
 * rasteriser version) does not count, while a bar, a label or a colour that
 * moved does: a pixel differs when one channel differs by more than FUZZ
 * (0 to 1) of the full range. Images of different sizes differ entirely.
 * Exit: 0 done, 2 usage or unreadable input. */
#include <cairo.h>
#include <librsvg/rsvg.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int render_svg(const char *in, const char *out, double dpi)
{
    GError *e = NULL;
    RsvgHandle *h = rsvg_handle_new_from_file(in, &e);
    if (!h) {
        fprintf(stderr, "imgtool: %s: %s\n", in, e->message);
        g_error_free(e);
        return 2;
    }
    rsvg_handle_set_dpi(h, dpi);
    double w = 0, ht = 0;
    if (!rsvg_handle_get_intrinsic_size_in_pixels(h, &w, &ht)) {
        fprintf(stderr, "imgtool: %s: no size\n", in);
        g_object_unref(h);
        return 2;
    }
    cairo_surface_t *s = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, (int)(w + 0.5), (int)(ht + 0.5));
    cairo_t *cr = cairo_create(s);
    cairo_set_source_rgb(cr, 1, 1, 1);
    cairo_paint(cr);
    RsvgRectangle vp = {0, 0, w, ht};
    int rc = 0;
    if (!rsvg_handle_render_document(h, cr, &vp, &e)) {
        fprintf(stderr, "imgtool: %s: %s\n", in, e->message);
        g_error_free(e);
        rc = 2;
    }
    cairo_destroy(cr);
    if (!rc && cairo_surface_write_to_png(s, out) != CAIRO_STATUS_SUCCESS) {
        fprintf(stderr, "imgtool: %s: cannot write\n", out);
        rc = 2;
    }
    cairo_surface_destroy(s);
    g_object_unref(h);
    return rc;
}

/* The image as 8-bit RGB over white. */
static unsigned char *load_rgb(const char *path, int *w, int *h)
{
    cairo_surface_t *s = cairo_image_surface_create_from_png(path);
    if (cairo_surface_status(s) != CAIRO_STATUS_SUCCESS) {
        fprintf(stderr, "imgtool: %s: not a readable PNG\n", path);
        cairo_surface_destroy(s);
        return NULL;
    }
    cairo_surface_t *flat = cairo_image_surface_create(CAIRO_FORMAT_RGB24, cairo_image_surface_get_width(s),
                                                       cairo_image_surface_get_height(s));
    cairo_t *cr = cairo_create(flat);
    cairo_set_source_rgb(cr, 1, 1, 1);
    cairo_paint(cr);
    cairo_set_source_surface(cr, s, 0, 0);
    cairo_paint(cr);
    cairo_destroy(cr);
    cairo_surface_flush(flat);
    *w = cairo_image_surface_get_width(flat);
    *h = cairo_image_surface_get_height(flat);
    int stride = cairo_image_surface_get_stride(flat);
    const unsigned char *d = cairo_image_surface_get_data(flat);
    unsigned char *rgb = malloc((size_t)*w * (size_t)*h * 3);
    for (int y = 0; y < *h; y++)
        for (int x = 0; x < *w; x++) {
            uint32_t p;
            memcpy(&p, d + (size_t)y * stride + (size_t)x * 4, 4);
            unsigned char *o = rgb + ((size_t)y * *w + x) * 3;
            o[0] = p >> 16 & 0xff, o[1] = p >> 8 & 0xff, o[2] = p & 0xff;
        }
    cairo_surface_destroy(flat);
    cairo_surface_destroy(s);
    return rgb;
}

static double blurred(const unsigned char *img, int w, int h, int x, int y, int c)
{
    double sum = 0;
    int n = 0;
    for (int dy = -1; dy <= 1; dy++)
        for (int dx = -1; dx <= 1; dx++) {
            int X = x + dx, Y = y + dy;
            if (X < 0 || Y < 0 || X >= w || Y >= h)
                continue;
            sum += img[((size_t)Y * w + X) * 3 + c];
            n++;
        }
    return sum / n;
}

static int diff(const char *a, const char *b, double fuzz)
{
    int wa, ha, wb, hb;
    unsigned char *A = load_rgb(a, &wa, &ha), *B = A ? load_rgb(b, &wb, &hb) : NULL;
    if (!A || !B) {
        free(A);
        return 2;
    }
    long total = (long)wa * ha, bad = 0;
    if (wa != wb || ha != hb) {
        bad = total;
    } else {
        for (int y = 0; y < ha; y++)
            for (int x = 0; x < wa; x++)
                for (int c = 0; c < 3; c++)
                    if (fabs(blurred(A, wa, ha, x, y, c) - blurred(B, wb, hb, x, y, c)) > fuzz * 255) {
                        bad++;
                        break;
                    }
    }
    printf("%ld of %ld\n", bad, total);
    free(A);
    free(B);
    return 0;
}

int main(int argc, char **argv)
{
    if (argc == 5 && !strcmp(argv[1], "svg"))
        return render_svg(argv[2], argv[3], atof(argv[4]));
    if (argc == 5 && !strcmp(argv[1], "diff"))
        return diff(argv[2], argv[3], atof(argv[4]));
    fprintf(stderr, "usage: imgtool svg IN.svg OUT.png DPI | imgtool diff A.png B.png FUZZ\n");
    return 2;
}
