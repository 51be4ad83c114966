/* Surfaces by file type. Files are written through aidstat_output_t
 * (output.c): complete or left as they were, special files never
 * replaced. */
#include "config.h"
#include "render/render.h"
#include "data/error.h"

#include <cairo-pdf.h>
#include <cairo-ps.h>
#include <cairo-svg.h>
#include <errno.h>
#include <glib.h>
#include <glib/gstdio.h>
#include <stdio.h>
#include <string.h>

bool aid_out_from_path(const char *path, aid_out_t *out)
{
    const char *dot = strrchr(path, '.');
    if (!dot)
        return false;
    static const struct {
        const char *ext;
        aid_out_t out;
    } map[] = {{".pdf", AID_OUT_PDF},
               {".svg", AID_OUT_SVG},
               {".png", AID_OUT_PNG},
               {".ps", AID_OUT_PS},
               {".eps", AID_OUT_EPS}};
    for (size_t i = 0; i < G_N_ELEMENTS(map); i++)
        if (g_ascii_strcasecmp(dot, map[i].ext) == 0) {
            *out = map[i].out;
            return true;
        }
    return false;
}

/* SVG has no metadata call in cairo, and its text would be glyph
 * outlines: the document is drawn into memory with text recorded as
 * <text> elements (text.c), then written with <title> and <desc> right
 * after the <svg ...> tag and the text, above the shapes, before </svg>. */

/* XML 1.0 has no place for control characters, even as &#x1b;: they are
 * shown as escapes first, as charts draw them. */
static char *xml_escape(const char *s)
{
    char *v = aidstat_text_visible(s ? s : "");
    char *x = g_markup_escape_text(v, -1);
    g_free(v);
    return x;
}

static GString *svg_finish(const GByteArray *in, const aid_meta_t *meta, const GString *text)
{
    GString *doc = g_string_new_len((const char *)in->data, (gssize)in->len);
    const char *svg = strstr(doc->str, "<svg");
    const char *end = svg ? strchr(svg, '>') : NULL;
    if (!end)
        return doc;
    size_t at = (size_t)(end - doc->str) + 1;
    char *t = xml_escape(meta->title), *d = xml_escape(meta->description);
    char *ins = g_strdup_printf("\n<title>%s</title>\n<desc>%s</desc>", t, d);
    g_string_insert(doc, (gssize)at, ins);
    g_free(t);
    g_free(d);
    g_free(ins);
    char *layer = aid_text_svg_layer(text);
    const char *close = layer ? g_strrstr(doc->str, "</svg>") : NULL;
    if (close)
        g_string_insert(doc, close - doc->str, layer);
    g_free(layer);
    return doc;
}

/* cairo 1.16 writes the clock into PostScript's %%CreationDate comment
 * and has no call to set it: the writer replaces that one comment line
 * in the header with the document's date, as the SVG writer adds <title>. */
typedef struct {
    cairo_write_func_t write;
    void *closure;
    GDateTime *date;
    GString *head; /* held back until the comment line has ended */
    bool done;
} ps_filter_t;

static cairo_status_t ps_write(void *closure, const unsigned char *data, unsigned int len)
{
    ps_filter_t *f = closure;
    if (f->done)
        return f->write(f->closure, data, len);
    g_string_append_len(f->head, (const char *)data, len);
    static const char key[] = "\n%%CreationDate: ";
    char *at = strstr(f->head->str, key);
    char *eol = at ? strchr(at + 1, '\n') : NULL;
    if (!eol) {
        if (f->head->len < 4096 && !strstr(f->head->str, "%%EndComments"))
            return CAIRO_STATUS_SUCCESS;
    } else {
        /* the form cairo uses, in English whatever the locale */
        static const char *const wd[] = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};
        static const char *const mo[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                         "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
        GDateTime *d = f->date;
        char *line = g_strdup_printf("%s %s %2d %02d:%02d:%02d %d", wd[g_date_time_get_day_of_week(d) - 1],
                                     mo[g_date_time_get_month(d) - 1], g_date_time_get_day_of_month(d),
                                     g_date_time_get_hour(d), g_date_time_get_minute(d),
                                     g_date_time_get_second(d), g_date_time_get_year(d));
        gssize from = (gssize)(at - f->head->str) + (gssize)strlen(key);
        g_string_erase(f->head, from, (gssize)(eol - f->head->str) - from);
        g_string_insert(f->head, from, line);
        g_free(line);
    }
    f->done = true;
    return f->write(f->closure, (const unsigned char *)f->head->str, (unsigned int)f->head->len);
}

/* A PDF is drawn into memory first: pdfpost.c completes it there. */
static cairo_status_t collect(void *closure, const unsigned char *data, unsigned int len)
{
    g_byte_array_append(closure, data, len);
    return CAIRO_STATUS_SUCCESS;
}

static aidstat_status_t surface_error(cairo_status_t cs, aidstat_error_t *err)
{
    return aid_error_set(err, AIDSTAT_ERR_OUTPUT, NULL, 0, 0, "drawing failed: %s",
                         cairo_status_to_string(cs));
}

/* Every write goes through here: cairo's PDF surface can finish with a
 * success status after its stream failed, so a failure is kept aside. */
typedef struct {
    cairo_write_func_t write;
    void *closure;
    bool failed;
} guard_t;

static cairo_status_t guarded_write(void *closure, const unsigned char *data, unsigned int len)
{
    guard_t *g = closure;
    if (g->failed)
        return CAIRO_STATUS_WRITE_ERROR;
    cairo_status_t cs = g->write(g->closure, data, len);
    g->failed = cs != CAIRO_STATUS_SUCCESS;
    return cs;
}

/* tag_figure: a standalone PDF drawing is tagged as one Figure; then
 * *tag_error tells whether cairo refused its tags. */
static aidstat_status_t render(cairo_write_func_t write_fn, void *write_closure, aid_out_t out, double width,
                               double height, double dpi, const aid_meta_t *meta, aid_draw_fn draw,
                               void *user, bool tag_figure, bool *tag_error, aidstat_error_t *err)
{
    aid_meta_t none = {.title = "", .description = ""};
    if (!meta)
        meta = &none;
    guard_t guard = {write_fn, write_closure, false};
    cairo_write_func_t write = guarded_write;
    void *closure = &guard;
    GString *svg_text = g_string_new(NULL);
    ps_filter_t ps = {write, closure, NULL, g_string_new(NULL), false};
    cairo_surface_t *surface = NULL;
    double scale = 1.0;
    GByteArray *pdf = NULL, *svg = NULL;
    switch (out) {
    case AID_OUT_PDF:
        pdf = g_byte_array_new();
        surface = cairo_pdf_surface_create_for_stream(collect, pdf, width, height);
        cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_TITLE, meta->title ? meta->title : "");
        cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_SUBJECT,
                                       meta->description ? meta->description : "");
        cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATOR, "aidstat " PACKAGE_VERSION);
        if (meta->author)
            cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_AUTHOR, meta->author);
        {
            GDateTime *when = meta->date ? g_date_time_to_utc(meta->date) : aid_output_date();
            char *iso = g_date_time_format(when, "%Y-%m-%dT%H:%M:%SZ");
            cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATE_DATE, iso);
            cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_MOD_DATE, iso);
            g_free(iso);
            g_date_time_unref(when);
        }
        break;
    case AID_OUT_SVG:
        svg = g_byte_array_new();
        surface = cairo_svg_surface_create_for_stream(collect, svg, width, height);
        aid_text_record_svg(surface, svg_text);
        break;
    case AID_OUT_PS:
    case AID_OUT_EPS:
        ps.date = meta->date ? g_date_time_to_utc(meta->date) : aid_output_date();
        surface = cairo_ps_surface_create_for_stream(ps_write, &ps, width, height);
        cairo_ps_surface_set_eps(surface, out == AID_OUT_EPS);
        break;
    case AID_OUT_PNG:
        scale = (dpi > 0 ? dpi : 96.0) / 72.0;
        surface = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, (int)(width * scale + 0.5),
                                             (int)(height * scale + 0.5));
        break;
    }
    aidstat_status_t st = AIDSTAT_OK;
    cairo_status_t cs = cairo_surface_status(surface);
    if (cs != CAIRO_STATUS_SUCCESS) {
        st = surface_error(cs, err);
        goto out;
    }
    cairo_t *cr = cairo_create(surface);
    cairo_scale(cr, scale, scale);
    /* a standalone drawing is one Figure; a report tags its own parts */
    bool figure = tag_figure && out == AID_OUT_PDF && !meta->alts;
    if (figure) {
        cairo_tag_begin(cr, "Document", NULL);
        cairo_tag_begin(cr, "Figure", NULL);
    }
    st = draw(cr, width, height, user, err);
    if (figure) {
        cairo_tag_end(cr, "Figure");
        cairo_tag_end(cr, "Document");
    }
    if (st == AIDSTAT_OK && (cs = cairo_status(cr)) != CAIRO_STATUS_SUCCESS)
        st = surface_error(cs, err);
    cairo_destroy(cr);
    if (st == AIDSTAT_OK && out == AID_OUT_PNG) {
        cs = cairo_surface_write_to_png_stream(surface, write, closure);
        if (cs != CAIRO_STATUS_SUCCESS)
            st = surface_error(cs, err);
    }
    cairo_surface_finish(surface);
    if (!ps.done && ps.head->len && !guard.failed)
        write(closure, (const unsigned char *)ps.head->str, (unsigned int)ps.head->len);
    if (st == AIDSTAT_OK && (cs = cairo_surface_status(surface)) != CAIRO_STATUS_SUCCESS) {
        st = surface_error(cs, err);
        *tag_error = figure && cs == CAIRO_STATUS_TAG_ERROR;
    }
    if (st == AIDSTAT_OK && pdf) {
        GByteArray *done = g_byte_array_new();
        st = aid_pdf_finish(pdf, meta, done, err);
        if (st == AIDSTAT_OK)
            write(closure, done->data, done->len);
        g_byte_array_free(done, TRUE);
    }
    if (st == AIDSTAT_OK && svg) {
        GString *doc = svg_finish(svg, meta, svg_text);
        write(closure, (const unsigned char *)doc->str, (unsigned int)doc->len);
        g_string_free(doc, TRUE);
    }
    if (st == AIDSTAT_OK && guard.failed)
        st = surface_error(CAIRO_STATUS_WRITE_ERROR, err);
out:
    cairo_surface_destroy(surface);
    g_string_free(svg_text, TRUE);
    if (svg)
        g_byte_array_free(svg, TRUE);
    g_string_free(ps.head, TRUE);
    if (pdf)
        g_byte_array_free(pdf, TRUE);
    if (ps.date)
        g_date_time_unref(ps.date);
    return st;
}

aidstat_status_t aid_render_stream(cairo_write_func_t write, void *closure, aid_out_t out, double width,
                                   double height, double dpi, const aid_meta_t *meta, aid_draw_fn draw,
                                   void *user, aidstat_error_t *err)
{
    bool tag_error = false;
    aidstat_status_t st =
        render(write, closure, out, width, height, dpi, meta, draw, user, true, &tag_error, err);
    /* cairo 1.16 refuses the tags of some drawings at some page sizes
     * (254 mm square, say) when the PDF is finished; nothing was written
     * yet, so the drawing is made again without the Figure element: it
     * keeps its description in the document information and XMP */
    if (tag_error)
        st = render(write, closure, out, width, height, dpi, meta, draw, user, false, &tag_error, err);
    return st;
}

/* cairo's write callback into a stdio stream, keeping the errno of a
 * failed write: cairo itself only says "error while writing". */
typedef struct {
    FILE *fp;
    int e;
} file_sink_t;

static cairo_status_t file_write(void *closure, const unsigned char *data, unsigned int len)
{
    file_sink_t *s = closure;
    errno = 0;
    if (fwrite(data, 1, len, s->fp) == len && !ferror(s->fp))
        return CAIRO_STATUS_SUCCESS;
    if (!s->e)
        s->e = errno ? errno : EIO;
    return CAIRO_STATUS_WRITE_ERROR;
}

aidstat_status_t aid_render_file(const char *path, aid_out_t out, double width, double height, double dpi,
                                 const aid_meta_t *meta, aid_draw_fn draw, void *user, aidstat_error_t *err)
{
    aidstat_output_t *o = aidstat_output_open(path, err);
    if (!o)
        return AIDSTAT_ERR_OUTPUT;
    file_sink_t sink = {aidstat_output_stream(o), 0};
    aidstat_status_t st =
        aid_render_stream(file_write, &sink, out, width, height, dpi, meta, draw, user, err);
    if (st == AIDSTAT_OK)
        return aidstat_output_commit(o, err);
    aidstat_output_abort(o);
    if (sink.e)
        st = aid_error_set(err, AIDSTAT_ERR_OUTPUT, path, 0, 0, "write failed: %s", g_strerror(sink.e));
    else if (err && !err->file[0])
        g_strlcpy(err->file, path, sizeof err->file);
    return st;
}
