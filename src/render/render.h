/* Internal: the ink layer. Surfaces by file type, written atomically;
 * text through Pango only; numbers for people; colours and themes. */
#ifndef AID_RENDER_H
#define AID_RENDER_H

#include "aidstat.h"
#include "data/numfmt.h"

#include <cairo.h>
#include <pango/pangocairo.h>
#include <stdbool.h>

typedef enum { AID_OUT_PDF, AID_OUT_SVG, AID_OUT_PNG, AID_OUT_PS, AID_OUT_EPS } aid_out_t;

/* The output type from a file name's extension; false when unknown. */
bool aid_out_from_path(const char *path, aid_out_t *out);

/* Metadata carried into the file: PDF info, SVG <title>/<desc>. */
typedef struct {
    const char *title;
    const char *description; /* the alt text */
    const char *author;      /* may be NULL */
    GDateTime *date;         /* the document's date; NULL: aid_output_date() */
    const char *lang;        /* BCP 47 language of the text; NULL: "en" */
    /* PDF: the /Alt of each Figure element, in the order they began; NULL:
     * the whole drawing is one Figure described by description */
    GPtrArray *alts;
    GPtrArray *attachments; /* PDF: of aid_attachment_t, by name; may be NULL */
} aid_meta_t;

/* A file attached to a PDF (a figure's numbers as CSV). */
typedef struct {
    char *name;        /* "figure-1.csv" */
    char *description; /* may be NULL */
    GByteArray *data;
} aid_attachment_t;

/* The comparison as CSV or TSV appended to out (csvout.c; the text of
 * aidstat_result_csv). */
void aid_csv_result(GString *out, const aidstat_result_t *r, char sep, bool formulas);

/* An attachment's file name: kind, number (when > 0) and the words of
 * caption in ASCII, joined by dashes: "figure-3-military-aid-by-donor.csv".
 * Newly allocated. */
char *aid_csv_name(const char *kind, int number, const char *caption);
/* A new attachment owning name, copying description and data; free with
 * aid_attachment_free (a GDestroyNotify for arrays of them). */
aid_attachment_t *aid_attachment_new(char *name, const char *description, const char *data, size_t len);
void aid_attachment_free(void *a);

/* Complete a PDF cairo wrote (pdfpost.c): /Alt on each Figure, /Lang,
 * /MarkInfo, /ViewerPreferences, XMP metadata with the PDF/UA
 * identification, attached files. Appends the new bytes to out. */
aidstat_status_t aid_pdf_finish(const GByteArray *in, const aid_meta_t *meta, GByteArray *out,
                                aidstat_error_t *err);

/* The tag a report wraps its running header, footer and page number in;
 * aid_pdf_artifacts turns what it marks into artifacts. */
#define AID_FURNITURE_TAG "Private"

/* The page furniture of a PDF cairo wrote (artifact.cc, qpdf's C++ API):
 * each AID_FURNITURE_TAG sequence becomes /Artifact marked content and its
 * structure element is taken out of the tree. Appends the PDF to out (the
 * same bytes when there is nothing to rewrite). */
aidstat_status_t aid_pdf_artifacts(const GByteArray *in, GByteArray *out, aidstat_error_t *err);

/* The date every document of this process carries (output.c): the one
 * set with aidstat_output_set_date(), else SOURCE_DATE_EPOCH, else now;
 * in UTC. Free with g_date_time_unref. */
GDateTime *aid_output_date(void);
/* Whether aidstat_output_set_date() fixed it (it then overrides dates
 * that documents name themselves). */
bool aid_output_date_fixed(void);

typedef aidstat_status_t (*aid_draw_fn)(cairo_t *cr, double width, double height, void *user,
                                        aidstat_error_t *err);

/* Draw into a new file of type out, width x height points (PNG: pixels =
 * points * dpi / 72), through a temporary file renamed into place only
 * when everything succeeded. */
aidstat_status_t aid_render_file(const char *path, aid_out_t out, double width, double height, double dpi,
                                 const aid_meta_t *meta, aid_draw_fn draw, void *user, aidstat_error_t *err);
/* The same into a caller's write function (for "-": standard output). */
aidstat_status_t aid_render_stream(cairo_write_func_t write, void *closure, aid_out_t out, double width,
                                   double height, double dpi, const aid_meta_t *meta, aid_draw_fn draw,
                                   void *user, aidstat_error_t *err);

/* ---- text */

typedef struct {
    const char *family; /* fontconfig family, e.g. "DejaVu Sans" */
    double size;        /* points */
    bool bold;
    double width;  /* wrap (or ellipsize with max_lines) at this width; <= 0: none */
    int max_lines; /* 0: any; lines beyond are ellipsized */
    PangoAlignment align;
} aid_font_t;

/* A layout for plain text (never markup: "<b>" prints as "<b>"). Free
 * with g_object_unref. */
PangoLayout *aid_text(cairo_t *cr, const char *text, const aid_font_t *font);
void aid_text_extent(PangoLayout *l, double *w, double *h);
/* Draw with its top-left at x, y. */
void aid_text_draw(cairo_t *cr, PangoLayout *l, double x, double y);
/* Draw with its top at y and the point x at a fraction ax of its width:
 * 0.5 centred on x, 1 ending at x. The same ink as aid_text_draw at
 * x - ax * width; an SVG keeps the anchor (text-anchor middle or end), so
 * that a viewer's substitute font stays centred or flush right. */
void aid_text_draw_at(cairo_t *cr, PangoLayout *l, double x, double y, double ax);
/* Make aid_text_draw on surface s append SVG <text> elements to sink
 * (not owned) instead of drawing glyph outlines; NULL sink: draw again. */
void aid_text_record_svg(cairo_surface_t *s, GString *sink);
/* The recorded text as one SVG group (its font family the default for
 * each element), or NULL when nothing was recorded. g_free it. */
char *aid_text_svg_layer(const GString *sink);
/* Whether the layout had to cut text to fit. */
bool aid_text_ellipsized(PangoLayout *l);
/* Whether a font family of this name (any case) is installed; when not,
 * *near (if given) is the installed family closest to it by spelling, or
 * NULL. */
bool aid_font_installed(const char *family, const char **near);

/* ---- numbers for people */

/* aid_num, aid_money, aid_scale_word: data/numfmt.h (the wording of notes
 * needs them below this layer) */

/* ---- colours */

typedef struct {
    double r, g, b;
} aid_rgb_t;

typedef struct {
    const char *name;
    aid_rgb_t ink, muted, grid, background, highlight, other;
    aid_rgb_t palette[8];
    size_t npalette;
} aid_theme_t;

/* "default" (Okabe–Ito palette) or "print" (grayscale); NULL if unknown. */
const aid_theme_t *aid_theme_find(const char *name);
/* Parse "#RRGGBB" or "#RGB". */
bool aid_rgb_parse(const char *s, aid_rgb_t *out);
void aid_set_rgb(cairo_t *cr, aid_rgb_t c);
/* WCAG 2 contrast ratio of two colours, 1 to 21. */
double aid_rgb_contrast(aid_rgb_t a, aid_rgb_t b);
/* c made dark (or light) enough for text on background: contrast at least
 * 4.5:1 (WCAG AA), the hue kept. Fills may stay light; text uses this. */
aid_rgb_t aid_rgb_legible(aid_rgb_t c, aid_rgb_t background);

#endif
