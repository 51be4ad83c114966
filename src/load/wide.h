/* Internal: wide layouts whose column headers are periods. */
#ifndef AID_WIDE_H
#define AID_WIDE_H

#include "load/loader.h"

#include <stddef.h>

/* Turn columns whose headers name a period ("2022", "2024-03", "Mar 2024",
 * "März 2024", "2024Q1", DataBank's "2022 [YR2022]") into value columns of
 * that period, when the file has no value column; a total column beside
 * them ("Total", "Summe") is ignored, not added. Returns the number of
 * period columns; notes go to report. */
size_t aid_wide_periods(char **raw, aid_column_t *cols, size_t n, aidstat_load_report_t *report);

#endif
