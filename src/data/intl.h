/* Internal: messages and names for people in the user's language, through
 * GNU gettext. The library looks its strings up in the text domain
 * "aidstat" with dgettext(3), whatever domain the embedding program set
 * with textdomain(3), and never calls setlocale(3): the program decides the
 * locale (LANGUAGE, LC_ALL, LC_MESSAGES), the library follows it. The
 * catalogues are read from LOCALEDIR, or from $AIDSTAT_LOCALEDIR when it
 * is set (the build tree's locale/ for the tests). */
#ifndef AID_INTL_H
#define AID_INTL_H

#include "aidstat.h"

#include <stdbool.h>

/* A message for people. */
#define _(s) aid_gettext(s)
/* Marks a message translated later (in a table): _(x) at the point of use. */
#define N_(s) (s)
/* A message with a context telling two uses of one English word apart. */
#define C_(ctx, s) aid_pgettext(ctx "\004" s, s)
/* A label for people (a row's "Total", "Others (%zu)"): German only when
 * names are (aid_lang_de), so a program writing CSV keeps it English. */
#define L_(s) aid_label_text(s)
/* Marks a message with a context translated later (aid_gettext_ctx). */
#define NC_(ctx, s) (s)
/* A message with plural forms: n decides which. */
#define P_(one, many, n) aid_ngettext(one, many, n)
/* A label (a note's sentence) with plural forms, German only when names
 * are, as L_. */
#define LP_(one, many, n) aid_label_ntext(one, many, n)

const char *aid_gettext(const char *msgid) __attribute__((format_arg(1)));
const char *aid_pgettext(const char *ctx_msgid, const char *msgid) __attribute__((format_arg(2)));
const char *aid_label_text(const char *msgid) __attribute__((format_arg(1)));
const char *aid_label_ntext(const char *one, const char *many, unsigned long n) __attribute__((format_arg(1)))
__attribute__((format_arg(2)));
const char *aid_ngettext(const char *one, const char *many, unsigned long n) __attribute__((format_arg(1)))
__attribute__((format_arg(2)));

/* Whether names and figures for people are written in German: set by
 * aidstat_set_language(), else when the active catalogue is the German
 * one. */
bool aid_lang_de(void);
/* A number that changes with each aidstat_set_language: what is cached
 * in the language of names is valid for one value of it. */
int aid_lang_generation(void);

/* A name for people (a region's, a month's) through the catalogue, with
 * context ctx ("region", "month"), when names are German (aid_lang_de);
 * the name itself otherwise or when it has no translation. */
const char *aid_gettext_ctx(const char *ctx, const char *name);

/* A result's label as people read it: in German, a donor's German short
 * name from the country table (by code, else by name) and a region's
 * name and a sourcing part's label from the catalogue; otherwise label
 * itself. Newly allocated. */
char *aid_label_people(aidstat_key_t key, const char *label, const char *code);

#endif
