/* Internal: the country table (datasets/countries.csv, embedded): what a
 * donor is. Every spelling of a country -- English short and official
 * names, common variants, German names, the spellings of Kiel's and
 * SIPRI's files -- leads to one code and one display name. Names are
 * compared by aid_fold_key (data/fold.h): case, accents, zero-width characters and
 * runs of spaces do not count. The table is read once, on first use, and
 * lives as long as the program. */
#ifndef AID_COUNTRY_H
#define AID_COUNTRY_H

#include <stddef.h>

typedef struct {
    const char *code;   /* "DEU"; "EU", "EPF", "EIB" for the EU bodies */
    const char *name;   /* display name: "Germany" */
    const char *german; /* German short name: "Deutschland" */
} aid_country_t;

/* The country one of whose names is name (any case or accents), or NULL. */
const aid_country_t *aid_country_by_name(const char *name);
/* The country with this code (any case), or NULL. */
const aid_country_t *aid_country_by_code(const char *code);
/* By name, else by code ("deu"). */
const aid_country_t *aid_country_find(const char *name_or_code);
/* The display name of the country whose name is closest to s (a typo:
 * "Germny"), or NULL when none is close. */
const char *aid_country_suggest(const char *s);
/* All countries, in table order. */
size_t aid_country_count(void);
const aid_country_t *aid_country_at(size_t i);

#endif
