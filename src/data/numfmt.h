/* Internal: numbers for people, in English or German format. Below the
 * chart and render layers so that the wording of notes (data/wording.c)
 * formats money as charts and tables do. */
#ifndef AID_NUMFMT_H
#define AID_NUMFMT_H

#include <stdbool.h>
#include <stddef.h>

typedef enum { AID_LOCALE_EN = 0, AID_LOCALE_DE } aid_locale_t;

/* The number format when none is asked for: German with German messages
 * (aidstat_language), else English. */
aid_locale_t aid_locale_default(void);

/* Fixed decimals with the locale's separators: 1,234.5 / 1.234,5 */
char *aid_num(double x, int decimals, aid_locale_t loc, char *buf, size_t len);
/* Money with unit: "€1.2 bn", "€450 m", "$3.3 bn"; de: "1,2 Mrd. €", "450 Mio. €". */
char *aid_money(double x, const char *currency, double scale, int decimals, aid_locale_t loc, char *buf,
                size_t len);
/* The scale word: "bn" / "Mrd." for 1e9, "m" / "Mio." for 1e6, "k" / "Tsd." for 1e3. */
const char *aid_scale_word(double scale, aid_locale_t loc);
/* Decimals that tell neighbouring ticks apart for a step (in display units). */
int aid_decimals_for_step(double step);

#endif
