/* Internal: the SIPRI Arms Transfers Database's web exports.
 *
 * - The trade register (one deal per row, 16 columns under an 11-line
 *   banner): each deal gives a commitment (SIPRI TIV for total order) and
 *   a delivery (SIPRI TIV of delivered weapons), both dated by the year of
 *   order, supplier as donor. A record cut in two by a raw newline in its
 *   Comments is joined again.
 * - The TIV export tables (one supplier, recipients by year, under a
 *   10-line banner): each cell a delivery in its year; the row totals and
 *   the final Total row are checked against the cells, not loaded.
 * Values are SIPRI trend-indicator values, in "currency" TIV (base units:
 * TIV, so one million TIV is 1e6), type military. */
#ifndef AID_SIPRI_H
#define AID_SIPRI_H

#include "aidstat.h"

typedef struct aid_sipri aid_sipri_t;

#define AID_SIPRI_FORMATS "sipri-trade-register, sipri-tiv-exports"

/* Look at a file's first row: a loader when it starts a SIPRI export (or
 * opt->format names one), else NULL. *failed is set, with err, when
 * opt->format names a SIPRI format the file does not match. */
aid_sipri_t *aid_sipri_detect(const char *name, char **f, size_t n, const aidstat_load_options_t *opt,
                              aidstat_record_fn fn, void *user, aidstat_load_report_t *report,
                              aidstat_error_t *err, bool *failed);
/* Every row, the first included. Returns 0 to go on, non-zero to stop
 * (err filled). */
int aid_sipri_row(aid_sipri_t *s, char **f, size_t n, long line);
/* After the last row: what is left over, the totals' checks. */
aidstat_status_t aid_sipri_finish(aid_sipri_t *s);
void aid_sipri_free(aid_sipri_t *s);

#endif
