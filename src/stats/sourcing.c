/* The parts of a sourcing split. The tracker names them by column; the
 * labels and their order are the ones its "procurement trends" chart uses. */
#include "config.h"
#include "stats/sourcing.h"
#include "data/error.h"
#include "data/intl.h"

#include <glib.h>
#include <inttypes.h>

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

aidstat_status_t aid_sourcing_unsplit(uint64_t n, const char *file, long line, aidstat_error_t *err)
{
    /* a sourcing split is loaded on its own, so these are other aid */
    if (n == 1)
        return aid_error_set(err, AIDSTAT_ERR_DATA, file, line, 0,
                             "%" PRIu64 " matched record is no part of a sourcing split, so it cannot be "
                             "grouped by how it was sourced; the split is a file of its own (Kiel's "
                             "procurement_trends.csv)",
                             n);
    return aid_error_set(err, AIDSTAT_ERR_DATA, file, line, 0,
                         "%" PRIu64 " matched records are no part of a sourcing split, so they cannot be "
                         "grouped by how they were sourced; the split is a file of its own (Kiel's "
                         "procurement_trends.csv)",
                         n);
}
