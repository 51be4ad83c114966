/* Fuzzes the cell readers on the load path: dates (every order), unit
 * words, numbers and amounts with unit words, and the same text as a
 * header name (its unit words, scale and currency) and as a type or
 * measure word. The input is one cell; each reader must stay in bounds
 * and keep its promises. */
#include "config.h"
#include "fuzz.h"
#include "aidstat.h"
#include "load/date.h"
#include "load/number.h"
#include "load/loader.h"
#include "load/words.h"
#include "data/record.h"

#include <glib.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

static void date_promises(const char *s, aidstat_date_order_t order)
{
    aid_date_t d = {0, 0, 0, 0};
    aidstat_date_order_t proves;
    const char *why = NULL;
    aid_date_status_t st = aid_date_read(s, order, &d, &proves, &why);
    if (st == AID_DATE_OK) {
        if (d.year < 1900 || d.year > 2999 || d.month < 0 || d.month > 12 || d.day < 0 || d.day > 31 ||
            d.quarter < 0 || d.quarter > 4 || (d.day && !d.month))
            aid_fuzz_fail("date out of range accepted");
        if (d.quarter && d.month != 3 * d.quarter - 2)
            aid_fuzz_fail("quarter's month wrong");
    } else if (st == AID_DATE_BAD) {
        if (!why || !*why)
            aid_fuzz_fail("bad date without a reason");
    } else if (order != AIDSTAT_DATE_ORDER_AUTO) {
        aid_fuzz_fail("a stated order left a date open");
    }
    if (proves != AIDSTAT_DATE_ORDER_AUTO && proves != AIDSTAT_DATE_ORDER_DMY &&
        proves != AIDSTAT_DATE_ORDER_MDY)
        aid_fuzz_fail("a date proved an impossible order");
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size > 256)
        return 0;
    char *s = malloc(size + 1);
    if (!s)
        return 0;
    memcpy(s, data, size);
    s[size] = '\0';
    for (int o = AIDSTAT_DATE_ORDER_AUTO; o <= AIDSTAT_DATE_ORDER_YMD; o++)
        date_promises(s, (aidstat_date_order_t)o);
    double u = aid_unit_scale(s);
    if (u != 0 && u != 1 && u != 1e3 && u != 1e6 && u != 1e9)
        aid_fuzz_fail("unit scale is not a power of a thousand");
    for (int comma = 0; comma < 2; comma++) {
        double x = 0;
        if (aid_number_parse(s, comma, &x) == AID_NUM_OK && isnan(x))
            aid_fuzz_fail("a number parsed as NaN");
    }
    (void)aid_number_mark(s);
    (void)aid_words_mark(s);
    for (int comma = 0; comma < 2; comma++) {
        double x = 0, sc = -1;
        const char *cur = NULL;
        if (aid_words_amount(s, comma, &x, &sc, &cur)) {
            if (isnan(x) || (sc != 0 && sc != 1e3 && sc != 1e6 && sc != 1e9))
                aid_fuzz_fail("an amount with words read wrong");
            if (cur && strcmp(cur, "EUR") && strcmp(cur, "USD") && strcmp(cur, "GBP"))
                aid_fuzz_fail("an unknown currency from a cell");
        }
    }
    long v;
    (void)aid_int_parse(s, &v);
    /* the cell as a header name: "Betrag (Mio. EUR)", "2024 in USD bn" */
    char *norm = aid_header_normalize(s);
    aid_column_t c = aid_column_guess(norm);
    if (c.scale != 0 && c.scale != 1 && c.scale != 1e3 && c.scale != 1e6 && c.scale != 1e9)
        aid_fuzz_fail("a header's scale is not a power of a thousand");
    if (c.currency && strcmp(c.currency, "EUR") && strcmp(c.currency, "USD") && strcmp(c.currency, "GBP"))
        aid_fuzz_fail("an unknown currency from a header");
    (void)aid_header_is_transaction(norm);
    g_free(norm);
    /* the cell as a type or measure word, the user's words first */
    static const char *const words[] = {"Rüstung=military", "Zusage=commitment", NULL};
    int t = aid_words_lookup(words, s, true), m = aid_words_lookup(words, s, false);
    if (t < -1 || t >= AIDSTAT_TYPE_COUNT || m < -1 || m >= AIDSTAT_MEASURE_COUNT)
        aid_fuzz_fail("a word read as no type or measure");
    int pt = aid_type_parse(s), pm = aid_measure_parse(s);
    if (pt < -1 || pt >= AIDSTAT_TYPE_COUNT || pm < -1 || pm >= AIDSTAT_MEASURE_COUNT)
        aid_fuzz_fail("a type or measure word read out of range");
    int mt = aid_measure_or_transaction(s);
    if (mt < AID_MEASURE_NOT_AID || mt >= AIDSTAT_MEASURE_COUNT)
        aid_fuzz_fail("a measure cell read out of range");
    (void)aid_donor_is_aggregate(s);
    free(s);
    return 0;
}
