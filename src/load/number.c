/* Spreadsheet numbers. The fast path (plain digits and one '.') covers
 * machine-written files; the slow path strips grouping after checking it. */
#include "config.h"
#include "load/number.h"

#include "aidstat.h"

#include <errno.h>
#include <math.h>
#include <stddef.h>
#include <stdint.h>
#include <glib.h>
#include <stdlib.h>
#include <string.h>

static bool is_missing(const char *s)
{
    static const char *const words[] = {"", ".", "-", "na", "n/a", "n.a.", "nan", "null", "..", NULL};
    for (size_t i = 0; words[i]; i++)
        if (g_ascii_strcasecmp(s, words[i]) == 0)
            return true;
    return false;
}

/* Machine-written numbers ("-1234.5", "2e9") go straight to strtod. */
static bool plain(const char *s, bool decimal_comma)
{
    const char *p = s;
    if (*p == '-' || *p == '+')
        p++;
    if (!g_ascii_isdigit(*p))
        return false;
    for (; *p; p++)
        if (!g_ascii_isdigit(*p) && (*p != '.' || decimal_comma) && *p != 'e' && *p != 'E' && *p != '-' &&
            *p != '+')
            return false;
    return true;
}

/* Exact powers of ten as doubles (10^22 is the largest). */
static const double exact_pow10[] = {1e0,  1e1,  1e2,  1e3,  1e4,  1e5,  1e6,  1e7,  1e8,  1e9,  1e10, 1e11,
                                     1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22};

/* A decimal digit, without glib's table lookup (these loops run per byte
 * of every number in a file). */
static inline bool digit(char ch)
{
    return (unsigned)(ch - '0') < 10u;
}

/* "digits[.digits]" with at most 15 significant digits: the integer of all
 * digits and the power of ten are both exact doubles, so one division
 * gives the correctly rounded value, as strtod would (Clinger's fast
 * path). Returns false for anything else. */
static bool fast_decimal(const char *s, double *out)
{
    const char *p = s;
    bool neg = *p == '-';
    if (*p == '-' || *p == '+')
        p++;
    const char *start = p;
    while (*p == '0')
        p++; /* leading zeros are not significant */
    uint64_t m = 0;
    const char *sig = p;
    while (digit(*p))
        m = m * 10 + (uint64_t)(*p++ - '0');
    ptrdiff_t digits = p - sig, frac = 0;
    bool any = p > start;
    if (*p == '.') {
        const char *f = ++p;
        if (m == 0)
            while (*p == '0')
                p++; /* nor are zeros after the point before the first other digit */
        sig = p;
        while (digit(*p))
            m = m * 10 + (uint64_t)(*p++ - '0'); /* wraps past 19 digits: refused below */
        digits += p - sig;
        frac = p - f;
        any |= p > f;
    }
    if (*p != '\0' || digits > 15 || frac > 22 || !any)
        return false;
    double v = (double)m / exact_pow10[frac];
    *out = neg ? -v : v;
    return true;
}

aid_num_t aid_number_parse(const char *s, bool decimal_comma, double *out)
{
    if (!decimal_comma && digit(s[0]) && fast_decimal(s, out))
        return AID_NUM_OK;
    if (plain(s, decimal_comma)) {
        char *end;
        errno = 0;
        double v = strtod(s, &end);
        if (*end == '\0' && errno != ERANGE) {
            *out = v;
            return AID_NUM_OK;
        }
    }
    while (*s == ' ' || *s == '\t')
        s++;
    size_t len = strlen(s);
    while (len && (s[len - 1] == ' ' || s[len - 1] == '\t' || s[len - 1] == '\r'))
        len--;
    char buf[128];
    if (len >= sizeof buf)
        return AID_NUM_BAD;
    memcpy(buf, s, len);
    buf[len] = '\0';
    if (is_missing(buf))
        return AID_NUM_MISSING;

    /* copy into clean: sign, digits without grouping, '.' as decimal mark */
    char clean[128];
    size_t n = 0, i = 0;
    char group = 0, dec = decimal_comma ? ',' : '.';
    if (buf[i] == '+' || buf[i] == '-')
        clean[n++] = buf[i++];
    size_t digits = 0, since_group = 0;
    bool grouped = false;
    for (; buf[i]; i++) {
        char ch = buf[i];
        if (g_ascii_isdigit(ch)) {
            clean[n++] = ch;
            digits++;
            since_group++;
        } else if (ch == dec || ch == 'e' || ch == 'E') {
            break;
        } else if (ch == ',' || ch == '.' || ch == ' ' || ch == '\'') {
            /* a grouping mark: the same one throughout, three digits after each */
            if (digits == 0 || (group && ch != group) || (grouped && since_group != 3) ||
                (!grouped && since_group > 3))
                return AID_NUM_BAD;
            group = ch;
            grouped = true;
            since_group = 0;
        } else {
            return AID_NUM_BAD;
        }
    }
    if (grouped && since_group != 3)
        return AID_NUM_BAD;
    if (buf[i] == dec) {
        clean[n++] = '.';
        i++;
        for (; g_ascii_isdigit(buf[i]); i++)
            clean[n++] = buf[i];
    }
    if (buf[i] == 'e' || buf[i] == 'E') {
        clean[n++] = 'e';
        i++;
        if (buf[i] == '+' || buf[i] == '-')
            clean[n++] = buf[i++];
        if (!g_ascii_isdigit(buf[i]))
            return AID_NUM_BAD;
        for (; g_ascii_isdigit(buf[i]); i++)
            clean[n++] = buf[i];
    }
    if (buf[i] != '\0' || (digits == 0 && !(n > 1 && clean[n - 1] != '.')))
        return AID_NUM_BAD;
    clean[n] = '\0';
    char *end;
    errno = 0;
    double v = g_ascii_strtod(clean, &end);
    if (*end || errno == ERANGE || v != v)
        return AID_NUM_BAD;
    *out = v;
    return AID_NUM_OK;
}

aid_mark_t aid_number_mark(const char *s)
{
    while (*s == ' ' || *s == '\t')
        s++;
    if (*s == '-' || *s == '+')
        s++;
    size_t lead = 0; /* digits before the first mark */
    while (g_ascii_isdigit(s[lead]))
        lead++;
    const char *first = NULL, *last = NULL;
    size_t ndot = 0, ncomma = 0, after = 0; /* digits after the last mark */
    for (const char *p = s + lead; *p; p++) {
        if (*p == '.' || *p == ',') {
            ndot += *p == '.';
            ncomma += *p == ',';
            if (!first)
                first = p;
            last = p;
            after = 0;
        } else if (g_ascii_isdigit(*p)) {
            after++;
        } else if (*p == ' ' || *p == '\t' || *p == '\r') {
            continue;
        } else {
            return AID_MARK_NONE; /* an exponent, a word: the parser decides */
        }
    }
    if (!first)
        return AID_MARK_NONE;
    if (ndot && ncomma) /* the last of the two is the decimal mark */
        return *last == ',' ? AID_MARK_COMMA : AID_MARK_POINT;
    bool dot = ndot > 0;
    if (ndot + ncomma > 1) /* repeated: a thousands separator */
        return dot ? AID_MARK_COMMA : AID_MARK_POINT;
    /* one mark: a thousands separator has one to three digits before it,
     * not led by 0, and three after */
    if (after == 3 && lead >= 1 && lead <= 3 && s[0] != '0')
        return AID_MARK_EITHER;
    return dot ? AID_MARK_POINT : AID_MARK_COMMA;
}

bool aid_int_parse(const char *s, long *out)
{
    /* the common case: one to four plain digits */
    if (digit(s[0])) {
        long v = 0;
        int i = 0;
        while (i < 5 && digit(s[i]))
            v = v * 10 + (s[i++] - '0');
        if (s[i] == '\0') {
            *out = v;
            return true;
        }
    }
    while (*s == ' ')
        s++;
    if (!*s)
        return false;
    char *end;
    errno = 0;
    long v = strtol(s, &end, 10);
    if (end == s || errno)
        return false;
    if (end[0] == '.') {
        end++;
        while (*end == '0')
            end++;
    }
    while (*end == ' ' || *end == '\r')
        end++;
    if (*end)
        return false;
    *out = v;
    return true;
}

aidstat_number_check_t aidstat_number_read(const char *text, bool whole, double min, double max, double *out)
{
    /* the shape first, so strtod's extras (hex, "nan", "inf", leading
     * blanks, a trailing rest) never reach it */
    const char *p = text ? text : "";
    if (*p == '-' || *p == '+')
        p++;
    size_t digits = strspn(p, "0123456789");
    p += digits;
    if (*p == '.' && !whole) {
        size_t more = strspn(p + 1, "0123456789");
        digits += more;
        p += 1 + more;
    }
    if (digits == 0)
        return AIDSTAT_NUMBER_SYNTAX;
    if ((*p == 'e' || *p == 'E') && !whole) {
        const char *q = p + 1;
        if (*q == '-' || *q == '+')
            q++;
        size_t exp = strspn(q, "0123456789");
        if (exp == 0)
            return AIDSTAT_NUMBER_SYNTAX;
        p = q + exp;
    }
    if (*p) {
        /* "2.5" or "1e3" where a whole number is wanted is a number still */
        if (whole && (*p == '.' || *p == 'e' || *p == 'E'))
            return aidstat_number_read(text, false, -HUGE_VAL, HUGE_VAL, &(double){0}) == AIDSTAT_NUMBER_OK
                       ? AIDSTAT_NUMBER_WHOLE
                       : AIDSTAT_NUMBER_SYNTAX;
        return AIDSTAT_NUMBER_SYNTAX;
    }
    errno = 0;
    char *end;
    double v = g_ascii_strtod(text, &end);
    if (*end || !isfinite(v))
        return errno == ERANGE ? AIDSTAT_NUMBER_RANGE : AIDSTAT_NUMBER_SYNTAX;
    if (errno == ERANGE && v != 0)
        return AIDSTAT_NUMBER_RANGE;
    if (!(v >= min && v <= max))
        return AIDSTAT_NUMBER_RANGE;
    *out = v == 0 ? 0 : v; /* no -0 */
    return AIDSTAT_NUMBER_OK;
}
