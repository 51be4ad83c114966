/* Internal: the German message catalogue read from its .mo file under
 * aidstat_catalogue_dir(), whatever the program's locale, for labels in a
 * language fixed by aidstat_set_language (data/intl.c). */
#ifndef AID_MOFILE_H
#define AID_MOFILE_H

#include <stdbool.h>

/* The German translation of msgid ("context\004msgid" with a context; the
 * singular form for plural), the form for n when plural; NULL when the
 * catalogue is missing or has none. */
const char *aid_mo_german(const char *msgid, bool plural, unsigned long n);

#endif
