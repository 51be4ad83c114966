/* Internal: filling a load report as rows go by (the loaders in src/load
 * do; stats reads the report through its public accessors). */
#ifndef AID_TALLY_H
#define AID_TALLY_H

#include "aidstat.h"

#define AID_TALLY_LINES 5 /* first line numbers kept per reason */

void aid_tally_begin(aidstat_load_report_t *r, const char *file, const char *format, const char *description);
/* What the file is (record-level aid unless said). */
void aid_tally_role(aidstat_load_report_t *r, aidstat_dataset_role_t role);
void aid_tally_row(aidstat_load_report_t *r);
void aid_tally_used(aidstat_load_report_t *r);
void aid_tally_skipped(aidstat_load_report_t *r);
/* Zero values in wide (one column per type) files, which are not records. */
void aid_tally_zeros(aidstat_load_report_t *r, uint64_t n);
/* Reject the current row: reason groups rows ("value is not a number
 * (column \"military\")"); example is the first offending text, kept once. */
void aid_tally_reject(aidstat_load_report_t *r, long line, const char *reason, const char *example);
/* A copy of s cut to at most max bytes at a character boundary, with "…"
 * appended when cut, and invalid UTF-8 replaced: input text quoted in
 * messages stays short and printable. */
char *aid_tally_clip(const char *s, size_t max);
/* Names (donor, code, recipient, currency) longer than this, or not
 * UTF-8, reject the row: no real name comes near it, and charts could not
 * draw it. */
#define AID_MAX_NAME 200
/* The same for a record's source and release, drawn in chart footers. */
#define AID_MAX_TEXT 1000
/* The progress callback set on r, if any, and its user data. */
aidstat_progress_fn aid_tally_progress(const aidstat_load_report_t *r, void **user);
void aid_tally_record(aidstat_load_report_t *r, const aidstat_record_t *rec);
/* Resolve rec's donor through the country table: a known name or code
 * sets rec->donor to the table's display name and rec->iso3 to its code
 * (static strings), an unknown one stays as written. False when the name
 * and the code name different countries: the row must be rejected, and
 * example (len bytes) says how. Call once per row, before the record is
 * tallied. */
bool aid_tally_identify(aidstat_load_report_t *r, aidstat_record_t *rec, char *example, size_t len);
/* At the end of a load: notes on how donor names were read (renamed,
 * several spellings of one donor, names and codes the table lacks). */
void aid_tally_identity_notes(aidstat_load_report_t *r);
/* Source and release known without records (release_info.csv). */
void aid_tally_provenance(aidstat_load_report_t *r, const char *source, const char *release);
void aid_tally_note(aidstat_load_report_t *r, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* A note with plural forms: n chooses between one and many (xgettext:
 * aid_tally_note_n:2,3). */
void aid_tally_note_n(aidstat_load_report_t *r, const char *one, const char *many, unsigned long n, ...)
    __attribute__((format(printf, 2, 5))) __attribute__((format(printf, 3, 5)));
/* A note that must travel with the figures (into compare's notes too). */
void aid_tally_caveat(aidstat_load_report_t *r, const char *text);

/* The encoding the file was read in, and how it was chosen ("detected"). */
void aid_tally_encoding(aidstat_load_report_t *r, const char *encoding, const char *how);

#endif
