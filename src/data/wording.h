/* Internal: notes worded from their parameters (data/wording.c), in the
 * language of names for people (aid_lang_de) with that language's number
 * and money format, so that a note reads in German beside German figures
 * and stays English for machines. */
#ifndef AID_WORDING_H
#define AID_WORDING_H

#include "aidstat.h"

#include <stdbool.h>
#include <stddef.h>

/* A donor a note names, with its amount in the note's currency. */
typedef struct {
    const char *name, *code; /* code: the country table's, or "" */
    double amount;
} aid_note_donor_t;

/* "3 donors are in none of the selected groups and left out: Canada
 * (€5.07 bn), ... and 1 more; €6.14 bn in all": n donors outside every
 * group, the first nshown of them in shown (largest first) with their
 * amounts when amounts is set; chosen: the groups were asked for by name
 * (their donors alone are kept). total: the amounts of all n. */
char *aid_wording_outside_groups(size_t n, bool chosen, const aid_note_donor_t *shown, size_t nshown,
                                 bool amounts, double total, const char *currency);

/* A donor's name as people read it (German short name when names are
 * German), newly allocated. */
char *aid_wording_donor(const char *name, const char *code);

#endif
