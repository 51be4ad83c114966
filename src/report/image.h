/* Internal: the images a report spec names (![caption](file.png)), read
 * into cairo surfaces. What a hostile file could cost is refused before
 * it is decoded:
 * - a PNG above AID_IMAGE_MAX_PIXELS, from the size in its IHDR chunk
 *   (decoded, 20000 x 20000 pixels take 1.6 GB);
 * - an SVG that declares entities or a document type with an internal
 *   subset (<!DOCTYPE svg [ ... ]>), where entities expand (libxml2 leaks
 *   them inside librsvg); a DOCTYPE that only names an external DTD, as
 *   matplotlib and Inkscape write, is read (librsvg never loads it);
 * - an SVG in an encoding other than UTF-8, US-ASCII or ISO-8859-1 (the
 *   check above reads bytes), or larger than AID_IMAGE_MAX_SVG. */
#ifndef AID_IMAGE_H
#define AID_IMAGE_H

#include <cairo.h>

#define AID_IMAGE_MAX_PIXELS 50000000u
#define AID_IMAGE_MAX_SVG (64u << 20)

/* Read the image at path (SVG when url ends in .svg, else PNG); url is
 * how the spec names it, for messages. Returns the surface and its size
 * in pixels, or NULL with *why set to a message ("image \"x.png\": ...",
 * free with g_free). An SVG is a recording surface: it stays vectors. */
cairo_surface_t *aid_image_load(const char *path, const char *url, double *w, double *h, char **why);

#endif
