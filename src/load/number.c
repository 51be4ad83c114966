/* Spreadsheet numbers. The fast path (plain digits and one '.') covers
 * machine-written files; the slow path strips grouping after checking it. */
#include "config.h"
#include "load/number.h"

#include <errno.h>
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

aid_num_t aid_number_parse(const char *s, bool decimal_comma, double *out)
{
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

bool aid_int_parse(const char *s, long *out)
{
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
