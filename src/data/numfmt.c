/* Numbers for people: grouped digits, the money unit where readers
 * expect it ("EUR 1.2 bn" as "\u20ac1.2 bn" in English, "1,2 Mrd. \u20ac" in German). */
#include "config.h"
#include "data/intl.h"
#include "data/numfmt.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* the money symbols readers know; other currencies go by their code */
const char *aidstat_currency_symbol(const char *currency)
{
    static const struct {
        const char *code, *symbol;
    } symbols[] = {{"EUR", "€"}, {"USD", "$"}, {"GBP", "£"}};
    for (size_t i = 0; currency && i < sizeof symbols / sizeof symbols[0]; i++)
        if (!strcmp(currency, symbols[i].code))
            return symbols[i].symbol;
    return NULL;
}

aid_locale_t aid_locale_default(void)
{
    return aid_lang_de() ? AID_LOCALE_DE : AID_LOCALE_EN;
}

char *aid_num(double x, int decimals, aid_locale_t loc, char *buf, size_t len)
{
    char raw[64];
    snprintf(raw, sizeof raw, "%.*f", decimals, x);
    if (raw[0] == '-' && strtod(raw, NULL) == 0)
        memmove(raw, raw + 1, strlen(raw));
    char group = loc == AID_LOCALE_DE ? '.' : ',';
    char point = loc == AID_LOCALE_DE ? ',' : '.';
    const char *p = raw;
    size_t n = 0;
    if (*p == '-' && n + 4 < len) {
        memcpy(buf, "\u2212", 3); /* a real minus sign */
        n = 3;
        p++;
    }
    const char *dot = strchr(p, '.');
    size_t intlen = dot ? (size_t)(dot - p) : strlen(p);
    for (size_t i = 0; i < intlen && n + 2 < len; i++) {
        if (i > 0 && (intlen - i) % 3 == 0)
            buf[n++] = group;
        buf[n++] = p[i];
    }
    if (dot && n + 1 < len) {
        buf[n++] = point;
        for (const char *q = dot + 1; *q && n + 1 < len; q++)
            buf[n++] = *q;
    }
    buf[n] = '\0';
    return buf;
}

const char *aid_scale_word(double scale, aid_locale_t loc)
{
    if (scale >= 1e9)
        return loc == AID_LOCALE_DE ? "Mrd." : "bn";
    if (scale >= 1e6)
        return loc == AID_LOCALE_DE ? "Mio." : "m";
    if (scale >= 1e3)
        return loc == AID_LOCALE_DE ? "Tsd." : "k";
    return "";
}

static const char *symbol(const char *cur)
{
    if (!cur)
        return "";
    const char *sym = aidstat_currency_symbol(cur);
    return sym ? sym : cur;
}

char *aid_money(double x, const char *currency, double scale, int decimals, aid_locale_t loc, char *buf,
                size_t len)
{
    char num[64];
    aid_num(x / (scale > 0 ? scale : 1), decimals, loc, num, sizeof num);
    const char *sym = symbol(currency), *word = aid_scale_word(scale, loc);
    bool code = strlen(sym) == 3 && currency && !strcmp(sym, currency);
    if (loc == AID_LOCALE_DE)
        snprintf(buf, len, "%s%s%s %s", num, word[0] ? " " : "", word, sym);
    else if (code)
        snprintf(buf, len, "%s %s%s%s", sym, num, word[0] ? " " : "", word);
    else if (num[0] == '\xe2') /* minus sign first: a minus before the symbol */
        snprintf(buf, len, "\u2212%s%s%s%s", sym, num + 3, word[0] ? " " : "", word);
    else
        snprintf(buf, len, "%s%s%s%s", sym, num, word[0] ? " " : "", word);
    return buf;
}

int aid_decimals_for_step(double step)
{
    if (step <= 0 || !isfinite(step))
        return 0;
    int d = 0;
    while (d < 6 && fabs(step * pow(10, d) - round(step * pow(10, d))) > 1e-9 * pow(10, d))
        d++;
    return d;
}
