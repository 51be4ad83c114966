/* Fuzzes the report images (aid_image_load): the checks that refuse a PNG
 * by its IHDR size and an SVG by its entities, internal subset or
 * encoding before it is decoded, then cairo's PNG reader or librsvg. The
 * first byte picks the kind (bit 0: SVG, else PNG); the rest is the file.
 * A refusal must say why; a surface must have a size. */
#include "config.h"
#include "fuzz.h"
#include "report/image.h"

#include <glib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1)
        return 0;
    const char *path = aid_fuzz_path(data + 1, size - 1);
    if (!path)
        return 0;
    double w = -1, h = -1;
    char *why = NULL;
    cairo_surface_t *img = aid_image_load(path, data[0] & 1 ? "fuzz.svg" : "fuzz.png", &w, &h, &why);
    if (img) {
        if (why || !(w > 0) || !(h > 0))
            aid_fuzz_fail("an image without a size, or with a message");
        cairo_surface_destroy(img);
    } else {
        if (!why || !g_str_has_prefix(why, "image \"fuzz."))
            aid_fuzz_fail("an image refused without a message");
        g_free(why);
    }
    return 0;
}
