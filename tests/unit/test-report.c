/* Unit tests for the report layout (report/layout.c) through the internal
 * API: a spec parsed with aid_spec_parse, laid out with aid_layout_draw
 * into a cairo PDF surface that writes into memory, the pages counted in
 * the PDF's bytes ("/Type /Page" objects) and, where text matters, the
 * text of each page read back with poppler's pdftotext (run through
 * g_spawn; without it those checks are skipped and the test reports SKIP).
 *
 *   - A GFM table of 120 rows spans at least two pages; its header row
 *     heads every page it reaches, once; every row appears exactly once;
 *     no page ends with a header and no row under it.
 *   - A heading never ends a page: for every count of one-line filler
 *     paragraphs that moves a heading through the foot of page 1, the
 *     heading's page has at least two lines of its paragraph under it,
 *     and at least one count pushes the heading to page 2 although the
 *     heading alone would still have fitted on page 1.
 *   - A chart is never split: for every filler count, the figure's
 *     caption, its chart's title and its footer are on one page and the
 *     title on no other; where the chart stops fitting, the page count
 *     goes from 1 to 2 and page 1 holds no part of it.
 *   - A paragraph broken across pages leaves at least two lines on each
 *     side (no widow, no orphan).
 * The data is a small CSV written to a temporary folder. */
#include "config.h"
#include "report/report.h"
#include "testlib.h"

#include <cairo-pdf.h>
#include <gio/gio.h>
#include <glib.h>
#include <glib/gstdio.h>
#include <stdlib.h>
#include <string.h>

/* The embedded data (src/resources.c) registers itself from a constructor;
 * naming it pulls it out of the static library into this program. */
GResource *aid_resources_get_resource(void);

static char *tmpdir, *datafile, *pdftotext;
static bool skipped_text;

static cairo_status_t to_gstring(void *closure, const unsigned char *data, unsigned int len)
{
    g_string_append_len(closure, (const char *)data, (gssize)len);
    return CAIRO_STATUS_SUCCESS;
}

/* The spec laid out into PDF bytes in memory; NULL (and a message) when it
 * fails. */
static GString *render(const char *text)
{
    aidstat_error_t err;
    aidstat_error_clear(&err);
    const char *data[] = {datafile, NULL};
    char *path = g_build_filename(tmpdir, "spec.md", NULL);
    aid_spec_t *s = aid_spec_parse(path, text, data, false, false, &err);
    g_free(path);
    if (!s) {
        fprintf(stderr, "aid_spec_parse: %s:%ld:%ld: %s\n", err.file, err.line, err.column, err.message);
        return NULL;
    }
    GString *pdf = g_string_new(NULL);
    cairo_surface_t *surf = cairo_pdf_surface_create_for_stream(to_gstring, pdf, s->page_w, s->page_h);
    cairo_t *cr = cairo_create(surf);
    aidstat_status_t st = aid_layout_draw(s, cr, s->page_w, s->page_h, NULL, &err);
    cairo_destroy(cr);
    cairo_surface_finish(surf);
    cairo_status_t cs = cairo_surface_status(surf);
    cairo_surface_destroy(surf);
    aid_spec_free(s);
    if (st != AIDSTAT_OK || cs != CAIRO_STATUS_SUCCESS) {
        fprintf(stderr, "aid_layout_draw: %s (cairo: %s)\n", err.message, cairo_status_to_string(cs));
        g_string_free(pdf, TRUE);
        return NULL;
    }
    return pdf;
}

/* Page objects: "/Type /Page" not followed by "s" (that is /Pages). The
 * bytes hold binary streams, NULs included: no str* functions here. */
static int count_pages(const GString *pdf)
{
    static const char key[] = "/Type /Page";
    const size_t klen = sizeof key - 1;
    int n = 0;
    for (size_t i = 0; i + klen < pdf->len; i++)
        if (pdf->str[i] == '/' && !memcmp(pdf->str + i, key, klen) && pdf->str[i + klen] != 's')
            n++;
    return n;
}

/* The text of every page (pdftotext -layout, pages split at form feeds),
 * each page's lines with runs of blanks squeezed and the ends trimmed, empty
 * lines dropped. NULL when pdftotext is not there. Free with
 * g_ptr_array_unref. */
static GPtrArray *page_lines(const GString *pdf)
{
    if (!pdftotext) {
        skipped_text = true;
        return NULL;
    }
    char *path = g_build_filename(tmpdir, "out.pdf", NULL);
    char *out = NULL;
    GError *ge = NULL;
    int status = 0;
    if (!g_file_set_contents(path, pdf->str, (gssize)pdf->len, &ge)) {
        fprintf(stderr, "%s\n", ge->message);
        g_error_free(ge);
        g_free(path);
        return NULL;
    }
    char *argv[] = {pdftotext, "-layout", path, "-", NULL};
    if (!g_spawn_sync(NULL, argv, NULL, G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL, &out, NULL, &status, &ge)) {
        fprintf(stderr, "pdftotext: %s\n", ge->message);
        g_error_free(ge);
        g_free(path);
        return NULL;
    }
    g_free(path);
    GPtrArray *pages = g_ptr_array_new_with_free_func((GDestroyNotify)g_ptr_array_unref);
    gchar **ps = g_strsplit(out, "\f", -1);
    for (gchar **p = ps; *p; p++) {
        if (!p[1] && !*(*p + strspn(*p, " \t\r\n")))
            break; /* the text after the last form feed */
        GPtrArray *lines = g_ptr_array_new_with_free_func(g_free);
        gchar **ls = g_strsplit(*p, "\n", -1);
        for (gchar **l = ls; *l; l++) {
            GString *sq = g_string_new(NULL);
            for (const char *c = *l; *c; c++)
                if (*c != ' ' || (sq->len && sq->str[sq->len - 1] != ' '))
                    g_string_append_c(sq, *c);
            char *t = g_strstrip(g_string_free(sq, FALSE));
            if (t[0])
                g_ptr_array_add(lines, t);
            else
                g_free(t);
        }
        g_strfreev(ls);
        g_ptr_array_add(pages, lines);
    }
    g_strfreev(ps);
    g_free(out);
    return pages;
}

#define LINE(pages, p, i) ((const char *)g_ptr_array_index((GPtrArray *)g_ptr_array_index(pages, p), i))
#define NLINES(pages, p) (((GPtrArray *)g_ptr_array_index(pages, p))->len)

/* The page footer "Page i of N": not content. */
static bool is_footer(const char *l)
{
    return g_str_has_prefix(l, "Page ") && strstr(l, " of ");
}

/* Index of the first line of page p that starts with prefix, or -1. */
static int find_line(GPtrArray *pages, guint p, const char *prefix)
{
    for (guint i = 0; i < NLINES(pages, p); i++)
        if (g_str_has_prefix(LINE(pages, p, i), prefix))
            return (int)i;
    return -1;
}

/* The last content line of page p (the footer left out). */
static const char *last_content(GPtrArray *pages, guint p)
{
    for (guint i = NLINES(pages, p); i-- > 0;)
        if (!is_footer(LINE(pages, p, i)))
            return LINE(pages, p, i);
    return "";
}

/* k one-line filler paragraphs, numbered so each line is unique. */
static void fillers(GString *s, int k)
{
    for (int i = 1; i <= k; i++)
        g_string_append_printf(s, "Filler paragraph %03d.\n\n", i);
}

static const char PARA[] =
    "Kept paragraph begins here and runs on for several lines, so that the layout has to decide where "
    "it may break it: the words go on about aid, donors, months and totals until the line is full, and "
    "then again on the next line, and on the next one after that, and a fourth time, before the "
    "paragraph at last comes to its end with a full stop on a line of its own words.";

/* ----------------------------------------------------------- long tables */

static void test_long_table(void)
{
    GString *s =
        g_string_new("---\ntitle: A long table\n---\n\n| Ledger item | Amount in units |\n|---|---:|\n");
    for (int i = 1; i <= 120; i++)
        g_string_append_printf(s, "| row-%03d | %d |\n", i, i * 7);
    GString *pdf = render(s->str);
    g_string_free(s, TRUE);
    if (!CHECK(pdf != NULL))
        return;
    int np = count_pages(pdf);
    CHECK(np >= 2);
    GPtrArray *pages = page_lines(pdf);
    if (pages && CHECK_EQ_INT(pages->len, np)) {
        int seen[121] = {0};
        for (guint p = 0; p < pages->len; p++) {
            int headers = 0, first_row = -1, head_at = -1, rows_after_head = 0;
            for (guint i = 0; i < NLINES(pages, p); i++) {
                const char *l = LINE(pages, p, i);
                if (strstr(l, "Ledger item")) {
                    headers++;
                    head_at = (int)i;
                }
                int r;
                if (sscanf(l, "row-%3d", &r) == 1 && r >= 1 && r <= 120) {
                    seen[r]++;
                    if (first_row < 0)
                        first_row = (int)i;
                    if (head_at >= 0)
                        rows_after_head++;
                }
            }
            if (first_row >= 0) {
                /* a page with rows: one header, above them */
                if (!CHECK_EQ_INT(headers, 1))
                    fprintf(stderr, "  page %u has %d header rows\n", p + 1, headers);
                CHECK(head_at >= 0 && head_at < first_row);
            } else {
                CHECK_EQ_INT(headers, 0); /* no header left alone at a page's foot */
            }
            if (headers)
                CHECK(rows_after_head > 0);
        }
        int once = 0;
        for (int r = 1; r <= 120; r++)
            once += seen[r] == 1;
        CHECK_EQ_INT(once, 120);
    }
    if (pages)
        g_ptr_array_unref(pages);
    g_string_free(pdf, TRUE);
}

/* ------------------------------------------------ headings keep with text */

static void test_heading_keeps_with_text(void)
{
    int moved = 0, tried = 0, one_page = 0;
    for (int k = 18; k <= 48; k++) {
        GString *s = g_string_new("---\ntitle: Headings\n---\n\n");
        fillers(s, k);
        g_string_append_printf(s, "# Kept With Its Text\n\n%s\n", PARA);
        GString *pdf = render(s->str);
        g_string_free(s, TRUE);
        if (!CHECK(pdf != NULL))
            return;
        GPtrArray *pages = page_lines(pdf);
        if (!pages) {
            g_string_free(pdf, TRUE);
            return;
        }
        tried++;
        bool ok = true;
        int hp = -1, hi = -1;
        for (guint p = 0; p < pages->len && hp < 0; p++)
            if ((hi = find_line(pages, p, "Kept With Its Text")) >= 0)
                hp = (int)p;
        ok &= CHECK(hp >= 0);
        if (hp >= 0) {
            /* not the last thing on its page, and two lines of its paragraph follow */
            ok &= CHECK(strcmp(last_content(pages, (guint)hp), "Kept With Its Text") != 0);
            ok &= CHECK((guint)hi + 2 < NLINES(pages, (guint)hp) &&
                        g_str_has_prefix(LINE(pages, (guint)hp, (guint)hi + 1), "Kept paragraph begins") &&
                        !is_footer(LINE(pages, (guint)hp, (guint)hi + 2)));
            if (hp == 0)
                one_page++;
            /* moved: all k fillers on page 1, the heading on page 2 */
            char last[64];
            snprintf(last, sizeof last, "Filler paragraph %03d.", k);
            if (hp == 1 && find_line(pages, 0, last) >= 0)
                moved++;
        }
        if (!ok)
            fprintf(stderr, "  with %d filler paragraphs\n", k);
        g_ptr_array_unref(pages);
        g_string_free(pdf, TRUE);
    }
    if (tried) {
        CHECK(one_page > 0); /* the sweep starts with the heading on page 1 ... */
        CHECK(moved > 0);    /* ... and reaches counts that push it to page 2 */
    }
}

/* ----------------------------------------------------- charts stay whole */

static void test_chart_not_split(void)
{
    int prev_pages = 0, jumps = 0;
    for (int k = 0; k <= 40; k += 2) {
        GString *s = g_string_new("---\ntitle: Charts\n---\n\n");
        fillers(s, k);
        g_string_append(s, "```chart\nkind: bar\ntitle: Chart kept whole\nheight: 110\ncaption: A chart that "
                           "stays whole\n```\n");
        GString *pdf = render(s->str);
        g_string_free(s, TRUE);
        if (!CHECK(pdf != NULL))
            return;
        int np = count_pages(pdf);
        CHECK(np >= 1 && np <= 2);
        CHECK(np >= prev_pages); /* more text never means fewer pages */
        GPtrArray *pages = page_lines(pdf);
        if (pages) {
            bool ok = true;
            int cap_page = -1, title_pages = 0;
            for (guint p = 0; p < pages->len; p++) {
                if (find_line(pages, p, "Figure 1: A chart that stays whole") >= 0)
                    cap_page = (int)p;
                if (find_line(pages, p, "Chart kept whole") >= 0)
                    title_pages++;
            }
            ok &= CHECK(cap_page >= 0);
            ok &= CHECK_EQ_INT(title_pages, 1);
            if (cap_page >= 0) {
                int c = find_line(pages, (guint)cap_page, "Figure 1:");
                int t = find_line(pages, (guint)cap_page, "Chart kept whole");
                int f = find_line(pages, (guint)cap_page, "Source:");
                ok &= CHECK(c >= 0 && t > c && f > t); /* caption, title, footer: one page, in order */
            }
            if (np == 2 && prev_pages == 1) {
                /* where it stops fitting, the whole figure moves */
                jumps++;
                ok &= CHECK_EQ_INT(cap_page, 1);
                ok &= CHECK(find_line(pages, 0, "Source:") < 0);
            }
            if (!ok)
                fprintf(stderr, "  with %d filler paragraphs\n", k);
            g_ptr_array_unref(pages);
        } else if (np == 2 && prev_pages == 1) {
            jumps++;
        }
        prev_pages = np;
        g_string_free(pdf, TRUE);
    }
    CHECK_EQ_INT(jumps, 1); /* the sweep crosses the point where the chart stops fitting */
}

/* ------------------------------------------------- no widows, no orphans */

static void test_paragraph_breaks(void)
{
    int split = 0;
    for (int k = 24; k <= 44; k++) {
        GString *s = g_string_new("---\ntitle: Paragraphs\n---\n\n");
        fillers(s, k);
        g_string_append_printf(s, "%s %s\n\nClosing line.\n", PARA, PARA); /* about ten lines */
        GString *pdf = render(s->str);
        g_string_free(s, TRUE);
        if (!CHECK(pdf != NULL))
            return;
        GPtrArray *pages = page_lines(pdf);
        if (!pages) {
            g_string_free(pdf, TRUE);
            return;
        }
        int start = find_line(pages, 0, "Kept paragraph begins");
        if (start >= 0 && pages->len > 1 && find_line(pages, 1, "Closing line.") >= 0 &&
            find_line(pages, 1, "Kept paragraph begins") < 0) {
            /* lines of the paragraph on page 1, and on page 2 above "Closing line." */
            int on1 = 0;
            for (guint i = (guint)start; i < NLINES(pages, 0); i++)
                on1 += !is_footer(LINE(pages, 0, i));
            int close = find_line(pages, 1, "Closing line.");
            int on2 = 0;
            for (int i = 0; i < close; i++)
                on2 += strcmp(LINE(pages, 1, (guint)i), "Paragraphs") != 0; /* not the running header */
            if (on2 > 0) {
                split++;
                if (!CHECK(on1 >= 2 && on2 >= 2))
                    fprintf(stderr, "  with %d fillers: %d line(s) on page 1, %d on page 2\n", k, on1, on2);
            }
        }
        g_ptr_array_unref(pages);
        g_string_free(pdf, TRUE);
    }
    CHECK(split > 0); /* the sweep did break the paragraph */
}

int main(void)
{
    GError *ge = NULL;
    tmpdir = g_dir_make_tmp("test-report-XXXXXX", &ge);
    if (!tmpdir) {
        fprintf(stderr, "%s\n", ge->message);
        return 99;
    }
    datafile = g_build_filename(tmpdir, "aid.csv", NULL);
    static const char csv[] = "donor,iso3,year,month,type,measure,value\n"
                              "Alpha,AAA,2023,1,military,allocation,4000000\n"
                              "Beta,BBB,2023,2,financial,allocation,3000000\n"
                              "Gamma,CCC,2023,3,humanitarian,allocation,2000000\n"
                              "Delta,DDD,2023,4,military,allocation,1000000\n";
    if (!g_file_set_contents(datafile, csv, -1, &ge)) {
        fprintf(stderr, "%s\n", ge->message);
        return 99;
    }
    pdftotext = g_find_program_in_path("pdftotext");
    (void)aid_resources_get_resource();

    test_long_table();
    test_heading_keeps_with_text();
    test_chart_not_split();
    test_paragraph_breaks();

    char *p = g_build_filename(tmpdir, "out.pdf", NULL);
    g_unlink(p);
    g_free(p);
    g_unlink(datafile);
    g_rmdir(tmpdir);
    g_free(datafile);
    g_free(tmpdir);
    if (skipped_text && !testlib_failed) {
        printf("SKIP: pdftotext (poppler-utils) is not installed: text checks not run\n");
        testlib_done("test-report");
        g_free(pdftotext);
        return 77;
    }
    g_free(pdftotext);
    return testlib_done("test-report");
}
