/* Internal: the Kiel Ukraine Support Tracker's "Bilateral Assistance, MAIN
 * DATA" sheet, from the workbook or from a CSV save of it. Columns are found
 * by their header names, which differ between releases. Each of the
 * sheet's quirks is handled in the open: every row ends up used, rejected
 * with a reason, or skipped with a counted note. */
#ifndef AID_KIEL_MAIN_H
#define AID_KIEL_MAIN_H

#include "aidstat.h"

typedef struct aid_kiel aid_kiel_t;

#define AID_KIEL_MAIN_FORMAT "kiel-main-data"

/* Whether normalised header names look like the MAIN DATA sheet: a donor
 * (countries, donor), a general aid type and a EUR value column. */
bool aid_kiel_detect(char **norm, size_t n);

/* raw: the header as written (for messages), norm: normalised names.
 * date1904: numeric dates count from 1904. release may be NULL. */
aid_kiel_t *aid_kiel_new(const char *name, char **raw, char **norm, size_t n, bool date1904,
                         const char *release, aidstat_load_report_t *report);
/* One data row; returns non-zero when fn asked to stop. */
int aid_kiel_row(aid_kiel_t *k, char **f, const size_t *lens, size_t n, long line, aidstat_record_fn fn,
                 void *user);
/* The counted notes, into the report. */
void aid_kiel_finish(aid_kiel_t *k);
void aid_kiel_free(aid_kiel_t *k);

#endif
