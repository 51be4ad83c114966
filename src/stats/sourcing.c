/* The parts of a sourcing split. The tracker names them by column; the
 * labels and their order are the ones its "procurement trends" chart uses. */
#include "config.h"
#include "stats/sourcing.h"
#include "data/intl.h"

#include <glib.h>

static const struct {
    const char *name, *label;
} parts[] = {
    /* the labels in German through aid_label_people (context "sourcing") */
    {"stockpile", NC_("sourcing", "Stockpile")},
    {"procurement", NC_("sourcing", "Procurement")},
    {"unspecified", NC_("sourcing", "Unspecified")},
    {"nato_purl", NC_("sourcing", "NATO PURL")},
};

int aid_sourcing_part(const char *part, const char **label)
{
    *label = NULL;
    if (!part || !part[0])
        return -1;
    for (int i = 0; i < (int)G_N_ELEMENTS(parts); i++)
        if (g_ascii_strcasecmp(part, parts[i].name) == 0) {
            *label = parts[i].label;
            return i;
        }
    *label = part;
    return (int)G_N_ELEMENTS(parts);
}
