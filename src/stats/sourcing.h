/* How military aid was sourced: the parts of a sourcing split (Kiel's
 * procurement_trends.csv) as rows, columns or layers. */
#ifndef AID_STATS_SOURCING_H
#define AID_STATS_SOURCING_H

/* The label of a part for people ("NATO PURL" for "nato_purl") and its
 * place in the tracker's order (stockpile, procurement, unspecified,
 * NATO PURL; parts it does not know after these). part may be NULL or "":
 * then *label is NULL and the result -1 (the record is no part of a split). */
int aid_sourcing_part(const char *part, const char **label);

#endif
