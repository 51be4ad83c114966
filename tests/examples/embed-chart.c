/* embed-chart: how a program draws an aidstat chart into a document of its
 * own. It uses only the public header and cairo: it loads the embedded
 * default dataset (the Kiel Ukraine Support Tracker), compares allocations
 * by donor (the ten largest, the rest folded into "Others"), makes a bar
 * chart of the result and draws it on page 2 of its own two-page A4 PDF, at
 * a place and size it chooses, after a page of its own text.
 *
 *     embed-chart OUT.pdf
 *
 * Every call that can fail is checked; on failure the program says what
 * failed and exits 1. */
#include "aidstat.h"

#include <cairo.h>
#include <cairo-pdf.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define A4_W 595.276 /* 210 mm in points */
#define A4_H 841.890 /* 297 mm */

static int failed(const char *what, const aidstat_error_t *err)
{
    char buf[1200];
    fprintf(stderr, "embed-chart: %s: %s\n", what, aidstat_error_format(err, buf, sizeof buf));
    return 1;
}

/* A line of text with cairo's own (toy) text API, top-left at x, y. */
static void line(cairo_t *cr, double x, double y, double size, int bold, const char *text)
{
    cairo_select_font_face(cr, "DejaVu Sans", CAIRO_FONT_SLANT_NORMAL,
                           bold ? CAIRO_FONT_WEIGHT_BOLD : CAIRO_FONT_WEIGHT_NORMAL);
    cairo_set_font_size(cr, size);
    cairo_move_to(cr, x, y + size);
    cairo_show_text(cr, text);
}

/* Page 1: the program's own text, not the chart's. */
static void cover(cairo_t *cr, const aidstat_result_t *res)
{
    char buf[256];
    cairo_set_source_rgb(cr, 0, 0, 0);
    line(cr, 72, 72, 20, 1, "Embedding aidstat");
    line(cr, 72, 110, 11, 0, "This page is drawn by the embedding program with cairo alone.");
    line(cr, 72, 128, 11, 0, "The next page holds a bar chart drawn by libaidstat into the same PDF,");
    line(cr, 72, 146, 11, 0, "in a box of 480 x 320 points placed by this program.");
    snprintf(buf, sizeof buf, "libaidstat %s; data: %s, %zu rows in the comparison.", aidstat_version(),
             aidstat_default_dataset_name(), aidstat_result_rows(res));
    line(cr, 72, 176, 11, 0, buf);
}

int main(int argc, char **argv)
{
    if (argc != 2) {
        fprintf(stderr, "usage: embed-chart OUT.pdf\n");
        return 2;
    }
    const char *path = argv[1];
    int rc = 1;
    aidstat_error_t err;
    aidstat_error_clear(&err);
    aidstat_compare_t *cmp = NULL;
    aidstat_load_report_t *rep = NULL;
    aidstat_result_t *res = NULL;
    aidstat_chart_t *chart = NULL;
    cairo_surface_t *surface = NULL;
    cairo_t *cr = NULL;

    /* 1. compare allocations by donor: the ten largest */
    aidstat_compare_options_t opt;
    aidstat_compare_options_init(&opt);
    opt.by[0] = AIDSTAT_KEY_DONOR;
    opt.top = 10;
    if (!(cmp = aidstat_compare_new(&opt, &err))) {
        failed("aidstat_compare_new", &err);
        goto done;
    }
    if (!(rep = aidstat_load_report_new())) {
        fprintf(stderr, "embed-chart: out of memory\n");
        goto done;
    }
    if (aidstat_load_default(aidstat_compare_add, cmp, rep, &err) != AIDSTAT_OK) {
        failed("aidstat_load_default", &err);
        goto done;
    }
    aidstat_compare_add_load_report(cmp, rep);
    if (!(res = aidstat_compare_finish(cmp, &err))) {
        failed("aidstat_compare_finish", &err);
        goto done;
    }

    /* 2. a bar chart of the result; the result could be freed now */
    aidstat_chart_options_t co;
    aidstat_chart_options_init(&co);
    co.kind = AIDSTAT_CHART_BAR;
    if (!(chart = aidstat_chart_from_result(res, &co, &err))) {
        failed("aidstat_chart_from_result", &err);
        goto done;
    }

    /* 3. our own PDF: A4, two pages */
    surface = cairo_pdf_surface_create(path, A4_W, A4_H);
    if (cairo_surface_status(surface) != CAIRO_STATUS_SUCCESS) {
        fprintf(stderr, "embed-chart: %s: %s\n", path, cairo_status_to_string(cairo_surface_status(surface)));
        goto done;
    }
    cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_TITLE, "Embedding aidstat");
    cr = cairo_create(surface);

    cover(cr, res);
    cairo_show_page(cr);

    /* page 2: a caption of ours, then the chart in a 480 x 320 pt box at
     * (57, 120). aidstat_chart_draw draws at the current origin and
     * leaves the context's state as it found it. */
    cairo_set_source_rgb(cr, 0, 0, 0);
    line(cr, 57, 72, 12, 1, "Figure 1 (drawn by libaidstat below)");
    cairo_save(cr);
    cairo_translate(cr, 57, 120);
    aidstat_status_t st = aidstat_chart_draw(chart, cr, 480, 320, &err);
    cairo_restore(cr);
    if (st != AIDSTAT_OK) {
        failed("aidstat_chart_draw", &err);
        goto done;
    }
    for (size_t i = 0; i < aidstat_chart_warning_count(chart); i++)
        fprintf(stderr, "embed-chart: warning: %s\n", aidstat_chart_warning(chart, i));
    /* a box too small to read is refused, and nothing is drawn */
    aidstat_error_t small;
    aidstat_error_clear(&small);
    cairo_save(cr);
    cairo_translate(cr, 57, 500);
    st = aidstat_chart_draw(chart, cr, 60, 40, &small);
    cairo_restore(cr);
    if (st != AIDSTAT_ERR_USAGE || small.code != AIDSTAT_ERR_USAGE || !small.message[0]) {
        fprintf(stderr, "embed-chart: a 60 x 40 pt box should be refused (status %d)\n", (int)st);
        goto done;
    }
    cairo_show_page(cr);

    /* 4. finish the file and check that cairo wrote it all */
    if (cairo_status(cr) != CAIRO_STATUS_SUCCESS) {
        fprintf(stderr, "embed-chart: drawing: %s\n", cairo_status_to_string(cairo_status(cr)));
        goto done;
    }
    cairo_destroy(cr);
    cr = NULL;
    cairo_surface_finish(surface);
    if (cairo_surface_status(surface) != CAIRO_STATUS_SUCCESS) {
        fprintf(stderr, "embed-chart: %s: %s\n", path, cairo_status_to_string(cairo_surface_status(surface)));
        goto done;
    }
    printf("embed-chart: wrote %s (2 pages): %s\n", path, aidstat_chart_title(chart));
    rc = 0;
done:
    if (cr)
        cairo_destroy(cr);
    if (surface)
        cairo_surface_destroy(surface);
    aidstat_chart_free(chart);
    aidstat_result_free(res);
    aidstat_load_report_free(rep);
    aidstat_compare_free(cmp);
    return rc;
}
