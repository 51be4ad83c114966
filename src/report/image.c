/* Report images: PNG through cairo, SVG through librsvg, each looked at
 * before it is decoded (see image.h for what is refused and why). */
#include "config.h"
#include "report/image.h"

#include <errno.h>
#include <gio/gio.h>
#include <glib.h>
#include <librsvg/rsvg.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

static cairo_surface_t *unreadable(const char *url, char **why)
{
    *why = g_strdup_printf("image \"%s\": not a readable PNG or SVG file", url);
    return NULL;
}

/* ------------------------------------------------------------------ PNG */

typedef struct {
    const unsigned char *head;
    size_t hlen, hpos;
    FILE *fp;
} png_in_t;

/* cairo's read callback: the header already read, then the file. */
static cairo_status_t png_read(void *closure, unsigned char *data, unsigned int len)
{
    png_in_t *in = closure;
    while (len && in->hpos < in->hlen) {
        *data++ = in->head[in->hpos++];
        len--;
    }
    return fread(data, 1, len, in->fp) == len ? CAIRO_STATUS_SUCCESS : CAIRO_STATUS_READ_ERROR;
}

static uint32_t be32(const unsigned char *p)
{
    return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3];
}

static cairo_surface_t *png_load(const char *path, const char *url, char **why)
{
    FILE *fp = fopen(path, "rb");
    if (!fp)
        return unreadable(url, why);
    /* the signature, then IHDR: length 13, "IHDR", width, height */
    unsigned char head[24];
    static const unsigned char sig[8] = {0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
    if (fread(head, 1, sizeof head, fp) != sizeof head || memcmp(head, sig, 8) != 0 || be32(head + 8) != 13 ||
        memcmp(head + 12, "IHDR", 4) != 0) {
        fclose(fp);
        return unreadable(url, why);
    }
    uint64_t w = be32(head + 16), h = be32(head + 20);
    if (w * h > AID_IMAGE_MAX_PIXELS) {
        fclose(fp);
        *why = g_strdup_printf("image \"%s\": %" G_GUINT64_FORMAT " x %" G_GUINT64_FORMAT
                               " pixels, more than the limit of %u megapixels (make it smaller)",
                               url, (guint64)w, (guint64)h, AID_IMAGE_MAX_PIXELS / 1000000);
        return NULL;
    }
    png_in_t in = {head, sizeof head, 0, fp};
    cairo_surface_t *img = cairo_image_surface_create_from_png_stream(png_read, &in);
    fclose(fp);
    if (cairo_surface_status(img) != CAIRO_STATUS_SUCCESS) {
        cairo_surface_destroy(img);
        return unreadable(url, why);
    }
    return img;
}

/* ------------------------------------------------------------------ SVG */

/* The file, at most AID_IMAGE_MAX_SVG bytes; NULL with *why on failure. */
static char *svg_read(const char *path, const char *url, size_t *len, char **why)
{
    FILE *fp = fopen(path, "rb");
    if (!fp) {
        unreadable(url, why);
        return NULL;
    }
    GString *s = g_string_new(NULL);
    char buf[1 << 16];
    size_t got;
    while ((got = fread(buf, 1, sizeof buf, fp)) > 0) {
        if (s->len + got > AID_IMAGE_MAX_SVG) {
            *why = g_strdup_printf("image \"%s\": larger than %u MiB", url, AID_IMAGE_MAX_SVG >> 20);
            break;
        }
        g_string_append_len(s, buf, (gssize)got);
    }
    if (!*why && ferror(fp))
        unreadable(url, why);
    fclose(fp);
    if (*why) {
        g_string_free(s, TRUE);
        return NULL;
    }
    *len = s->len;
    return g_string_free(s, FALSE);
}

static const char *find(const char *p, const char *end, const char *what)
{
    size_t n = strlen(what);
    for (; (size_t)(end - p) >= n; p++) {
        p = memchr(p, what[0], (size_t)(end - p) - n + 1);
        if (!p)
            return NULL;
        if (memcmp(p, what, n) == 0)
            return p;
    }
    return NULL;
}

/* Why the SVG's bytes are refused before librsvg sees them, or NULL. */
static char *svg_check(const char *d, size_t len, const char *url)
{
    const char *p = d, *end = d + len;
    if (len >= 3 && memcmp(p, "\xEF\xBB\xBF", 3) == 0)
        p += 3;
    /* UTF-16 or UTF-32 (a mark, or zero bytes in "<?" or "<s"): the byte
     * checks below would not see its markup */
    if (end - p >= 2 && (!p[0] || !p[1] || (unsigned char)p[0] >= 0xFE))
        return g_strdup_printf("image \"%s\": the SVG is not UTF-8 text (save it as UTF-8)", url);
    if (end - p >= 5 && memcmp(p, "<?xml", 5) == 0) {
        const char *q = find(p, end, "?>");
        const char *e = q ? find(p, q, "encoding") : NULL;
        if (e) {
            e += 8;
            while (e < q && (*e == ' ' || *e == '=' || *e == '\t' || *e == '\r' || *e == '\n'))
                e++;
            char quote = e < q ? *e : 0;
            const char *v = e + 1,
                       *ve = (quote == '"' || quote == '\'') ? memchr(v, quote, (size_t)(q - v)) : NULL;
            char *name = ve ? g_strndup(v, (size_t)(ve - v)) : g_strdup("?");
            bool ok = !g_ascii_strcasecmp(name, "UTF-8") || !g_ascii_strcasecmp(name, "US-ASCII") ||
                      !g_ascii_strcasecmp(name, "ISO-8859-1");
            char *why = ok ? NULL
                           : g_strdup_printf("image \"%s\": the SVG is in encoding \"%s\" (save it "
                                             "as UTF-8)",
                                             url, name);
            g_free(name);
            if (why)
                return why;
        }
    }
    /* entity declarations are only allowed in a DTD, and only the internal
     * subset is read: either is refused wherever it stands */
    if (find(p, end, "<!ENTITY"))
        return g_strdup_printf("image \"%s\": the SVG declares entities (<!ENTITY ...>), which "
                               "can expand without bound (save it without them)",
                               url);
    const char *dt = find(p, end, "<!DOCTYPE");
    if (dt) {
        char quote = 0;
        for (const char *q = dt + 9; q < end; q++) {
            if (quote) {
                if (*q == quote)
                    quote = 0;
            } else if (*q == '"' || *q == '\'') {
                quote = *q;
            } else if (*q == '>') {
                break;
            } else if (*q == '[') {
                return g_strdup_printf("image \"%s\": the SVG's document type declaration has "
                                       "an internal subset (<!DOCTYPE ... [ ]>), where entities "
                                       "expand (save it without one)",
                                       url);
            }
        }
    }
    return NULL;
}

/* Drawn by librsvg into a recording surface: it stays vectors in the PDF. */
static cairo_surface_t *svg_load(const char *path, const char *url, double *w, double *h, char **why)
{
    size_t len = 0;
    char *data = svg_read(path, url, &len, why);
    if (!data)
        return NULL;
    if ((*why = svg_check(data, len, url))) {
        g_free(data);
        return NULL;
    }
    GInputStream *in = g_memory_input_stream_new_from_data(data, (gssize)len, g_free);
    GFile *base = g_file_new_for_path(path); /* for files the SVG names */
    GError *ge = NULL;
    RsvgHandle *svg = rsvg_handle_new_from_stream_sync(in, base, RSVG_HANDLE_FLAGS_NONE, NULL, &ge);
    g_object_unref(base);
    g_object_unref(in);
    if (!svg) {
        g_error_free(ge);
        return unreadable(url, why);
    }
    gdouble sw = 0, sh = 0;
    if (!rsvg_handle_get_intrinsic_size_in_pixels(svg, &sw, &sh) || sw <= 0 || sh <= 0)
        sw = 400, sh = 300;
    cairo_rectangle_t extent = {0, 0, sw, sh};
    cairo_surface_t *rec = cairo_recording_surface_create(CAIRO_CONTENT_COLOR_ALPHA, &extent);
    cairo_t *cr = cairo_create(rec);
    RsvgRectangle vp = {0, 0, sw, sh};
    bool ok = rsvg_handle_render_document(svg, cr, &vp, &ge);
    cairo_destroy(cr);
    g_object_unref(svg);
    if (!ok) {
        g_error_free(ge);
        cairo_surface_destroy(rec);
        return unreadable(url, why);
    }
    *w = sw;
    *h = sh;
    return rec;
}

cairo_surface_t *aid_image_load(const char *path, const char *url, double *w, double *h, char **why)
{
    *why = NULL;
    *w = *h = 0;
    if (g_str_has_suffix(url, ".svg") || g_str_has_suffix(url, ".SVG"))
        return svg_load(path, url, w, h, why);
    cairo_surface_t *img = png_load(path, url, why);
    if (img) {
        *w = cairo_image_surface_get_width(img);
        *h = cairo_image_surface_get_height(img);
    }
    return img;
}
