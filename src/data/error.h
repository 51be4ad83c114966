/* Internal: filling aidstat_error_t records. */
#ifndef AID_ERROR_H
#define AID_ERROR_H

#include "aidstat.h"

/* Fill err (if not NULL) and return code. file may be NULL; line/column 0
 * when unknown. The message is printf-formatted. */
aidstat_status_t aid_error_set(aidstat_error_t *err, aidstat_status_t code, const char *file,
                               long line, long column, const char *fmt, ...)
    __attribute__((format(printf, 6, 7)));

#endif
