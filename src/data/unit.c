/* unit: how amounts are presented — currency symbols and the scale
 * (bn, m) — in one place, so that the command line, charts, reports and
 * a program embedding the library write the same unit for the same data. */
#include "config.h"
#include "aidstat.h"

#include <string.h>

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

double aidstat_scale_pick(double maxabs)
{
    return maxabs >= 1e9 ? 1e9 : maxabs >= 1e6 ? 1e6 : 1;
}

const char *aidstat_scale_word(double scale, bool long_form)
{
    if (scale >= 1e9)
        return long_form ? "billion" : "bn";
    if (scale >= 1e6)
        return long_form ? "million" : "m";
    if (scale >= 1e3)
        return long_form ? "thousand" : "k";
    return "";
}
