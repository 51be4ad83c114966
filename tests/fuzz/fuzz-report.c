/* Fuzzes report specs: front matter, Markdown blocks, inline figures
 * ({{ sum type=military | eur_bn }}) and page layout. The first byte picks
 * the mode: bit 0 set evaluates the rest as text with inline figures
 * (aid_expr_expand) over a small table loaded once, and reads it as a
 * number option (aidstat_number_read, whole with bit 1); clear parses it as
 * a whole spec over the same table and, with bit 1 set, lays it out into a
 * PDF that is thrown away; bit 2 confines the spec's files to its folder. */
#include "config.h"
#include "fuzz.h"
#include "report/report.h"

#include <cairo-pdf.h>
#include <gio/gio.h>
#include <string.h>

static const char table_csv[] = "donor,iso3,year,month,type,measure,value,currency\n"
                                "Germany,DEU,2022,3,military,allocation,2000000000,EUR\n"
                                "Germany,DEU,2023,2,financial,commitment,1500000000,EUR\n"
                                "United States,USA,2022,4,military,allocation,5000000000,EUR\n"
                                "United States,USA,2023,6,humanitarian,allocation,700000000,EUR\n"
                                "\"Korea, Republic of\",KOR,2023,10,military,allocation,1200000,EUR\n"
                                "EU institutions,EU,2024,1,financial,allocation,9000000000,EUR\n";

static const char *data_files[2];
static aid_spec_t *base; /* the data for expression mode */

/* The embedded data (src/resources.c) registers itself from a constructor;
 * a static link keeps that object only when something refers to it. */
GResource *aid_resources_get_resource(void);

static void setup(void)
{
    if (data_files[0])
        return;
    (void)aid_resources_get_resource();
    data_files[0] = aid_fuzz_file(table_csv);
    aidstat_error_t err;
    base = aid_spec_parse("base.md", "# Data\n", data_files, false, false, &err);
    if (!base) {
        char buf[512];
        aid_fuzz_fail(aidstat_error_format(&err, buf, sizeof buf));
    }
}

static cairo_status_t discard(void *closure, const unsigned char *data, unsigned int len)
{
    return CAIRO_STATUS_SUCCESS;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    setup();
    if (size < 1)
        return 0;
    char *text = g_strndup((const char *)data + 1, size - 1);
    /* aidstat_report_open refuses a NUL byte and text that is not UTF-8 */
    if (!g_utf8_validate(text, -1, NULL)) {
        g_free(text);
        return 0;
    }
    aidstat_error_t err;
    if (data[0] & 1) {
        char *out = aid_expr_expand(&base->data, text, "fuzz.md", 1, 1, &err);
        if (out && !g_utf8_validate(out, -1, NULL))
            aid_fuzz_fail("expanded text is not UTF-8");
        g_free(out);
        /* a number accepted is finite, in range, and what strtod reads */
        double v;
        bool whole = (data[0] & 2) != 0;
        if (aidstat_number_read(text, whole, -1e6, 1e6, &v) == AIDSTAT_NUMBER_OK &&
            (!(v >= -1e6 && v <= 1e6) || (whole && v != (double)(long long)v) ||
             (v != 0 && v != g_ascii_strtod(text, NULL))))
            aid_fuzz_fail("aidstat_number_read accepted a number out of range or misread");
    } else {
        aid_spec_t *s = aid_spec_parse("fuzz.md", text, data_files, false, (data[0] & 4) != 0, &err);
        if (s && (data[0] & 2)) {
            cairo_surface_t *surf = cairo_pdf_surface_create_for_stream(discard, NULL, s->page_w, s->page_h);
            cairo_t *cr = cairo_create(surf);
            aid_layout_draw(s, cr, s->page_w, s->page_h, NULL, &err);
            cairo_destroy(cr);
            cairo_surface_finish(surf);
            cairo_surface_destroy(surf);
        }
        aid_spec_free(s);
    }
    g_free(text);
    return 0;
}
