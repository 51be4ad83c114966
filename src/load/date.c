/* Date cells as analysts write them: ISO, German and US numeric dates,
 * month names in English and German, quarters, years. A column's order
 * (day-first or month-first) is proven by its own values, never guessed. */
#include "config.h"
#include "load/date.h"
#include "data/intl.h"
#include "data/tally.h"
#include "data/error.h"
#include "data/period.h"

#include <glib.h>
#include <inttypes.h>
#include <string.h>

enum { TOK_MAX = 4 };

typedef struct {
    char kind; /* 'n' number, 'm' month word, 'q' quarter */
    int v;     /* the number, month 1..12 or quarter */
    int ndig;  /* digits of a number */
    char sep;  /* the separator before it ('\0' none, ' ', '.', '/', '-', ',') */
} tok_t;

static const struct {
    const char *word; /* case-folded */
    int month;
} month_words[] = {
    {"january", 1}, {"jan", 1},       {"januar", 1},    {"jänner", 1},    {"jän", 1},  {"february", 2},
    {"feb", 2},     {"februar", 2},   {"march", 3},     {"mar", 3},       {"märz", 3}, {"maerz", 3},
    {"mär", 3},     {"mrz", 3},       {"april", 4},     {"apr", 4},       {"may", 5},  {"mai", 5},
    {"june", 6},    {"jun", 6},       {"juni", 6},      {"july", 7},      {"jul", 7},  {"juli", 7},
    {"august", 8},  {"aug", 8},       {"september", 9}, {"sep", 9},       {"sept", 9}, {"october", 10},
    {"oct", 10},    {"oktober", 10},  {"okt", 10},      {"november", 11}, {"nov", 11}, {"december", 12},
    {"dec", 12},    {"dezember", 12}, {"dez", 12},
};

static int month_word(const char *w, size_t n)
{
    char *f = g_utf8_casefold(w, (gssize)n);
    int m = 0;
    for (size_t i = 0; i < G_N_ELEMENTS(month_words) && !m; i++)
        if (!strcmp(f, month_words[i].word))
            m = month_words[i].month;
    g_free(f);
    return m;
}

static bool is_sep(char c)
{
    return c == ' ' || c == '.' || c == '/' || c == '-' || c == ',' || c == '\t';
}

static bool is_letter(unsigned char c)
{
    return g_ascii_isalpha(c) || c >= 0x80;
}

/* Split s into at most TOK_MAX tokens; false when something else is in it. */
static bool tokenize(const char *s, tok_t *t, int *nt, const char **why)
{
    const char *p = s;
    int n = 0;
    while (*p) {
        char sep = 0;
        while (is_sep(*p)) {
            /* a run of blanks and one mark counts as the mark */
            if (sep == 0 || sep == ' ' || sep == '\t')
                sep = *p == '\t' ? ' ' : *p;
            p++;
        }
        if (!*p)
            break;
        if (n == TOK_MAX)
            return false;
        tok_t *k = &t[n];
        k->sep = n ? sep : 0;
        if (n == 0 && sep && sep != ' ')
            return false;
        if (g_ascii_isdigit(*p)) {
            int v = 0, d = 0;
            while (g_ascii_isdigit(*p)) {
                if (d < 9)
                    v = v * 10 + (*p - '0');
                d++;
                p++;
            }
            if (d > 8)
                return false;
            k->kind = 'n', k->v = v, k->ndig = d;
            /* an ISO date's time of day adds nothing to the period */
            if (n == 2 && t[0].ndig == 4 && (*p == 'T' || (*p == ' ' && g_ascii_isdigit(p[1]))) &&
                t[1].sep == '-' && k->sep == '-') {
                n++;
                break;
            }
        } else if ((*p == 'Q' || *p == 'q') && g_ascii_isdigit(p[1]) && !g_ascii_isdigit(p[2]) &&
                   !is_letter((unsigned char)p[2])) {
            k->kind = 'q', k->v = p[1] - '0', k->ndig = 0;
            p += 2;
            if (k->v < 1 || k->v > 4) {
                *why = N_("quarter out of range");
                return false;
            }
        } else if (is_letter((unsigned char)*p)) {
            const char *w = p;
            while (is_letter((unsigned char)*p))
                p++;
            if (p - w > 12 || !g_utf8_validate(w, p - w, NULL))
                return false;
            k->kind = 'm', k->v = month_word(w, (size_t)(p - w)), k->ndig = 0;
            if (!k->v) {
                *why = N_("not a date");
                return false;
            }
        } else {
            return false;
        }
        n++;
    }
    *nt = n;
    return n > 0;
}

static bool year_ok(const tok_t *k)
{
    return k->kind == 'n' && k->ndig == 4;
}

/* Fill out and check the ranges. */
static aid_date_status_t done(aid_date_t *out, int y, int m, int d, int q, const char **why)
{
    if (y < 1900 || y > 2999) {
        *why = N_("year out of range");
        return AID_DATE_BAD;
    }
    if (m != 0 && (m < 1 || m > 12)) {
        *why = N_("month out of range");
        return AID_DATE_BAD;
    }
    if (d != 0 && (m == 0 || d < 1 || d > aid_days_in_month(y, m))) {
        *why = N_("day out of range");
        return AID_DATE_BAD;
    }
    out->year = y, out->month = m, out->day = d, out->quarter = q;
    return AID_DATE_OK;
}

/* a SEP b SEP yyyy with '/' or '-': the order decides, or the values. */
static aid_date_status_t numeric(const tok_t *t, aidstat_date_order_t order, aid_date_t *out,
                                 aidstat_date_order_t *proves, const char **why)
{
    int a = t[0].v, b = t[1].v, y = t[2].v;
    if (a == 0 || b == 0) {
        *why = a == 0 ? "day out of range" : "month out of range";
        return AID_DATE_BAD;
    }
    if (a > 12 && b <= 12)
        *proves = AIDSTAT_DATE_ORDER_DMY;
    else if (b > 12 && a <= 12)
        *proves = AIDSTAT_DATE_ORDER_MDY;
    if (order == AIDSTAT_DATE_ORDER_YMD) {
        *why = "not a year-first date";
        return AID_DATE_BAD;
    }
    if (order == AIDSTAT_DATE_ORDER_AUTO)
        order = *proves;
    if (order == AIDSTAT_DATE_ORDER_AUTO && a == b)
        order = AIDSTAT_DATE_ORDER_DMY; /* 3/3/2024: the same day either way */
    if (order == AIDSTAT_DATE_ORDER_AUTO) {
        if (a > 12 && b > 12) {
            *why = N_("month out of range");
            return AID_DATE_BAD;
        }
        /* both fit; still check that at least one reading is a real day */
        aid_date_t x;
        if (done(&x, y, b, a, 0, why) != AID_DATE_OK && done(&x, y, a, b, 0, why) != AID_DATE_OK)
            return AID_DATE_BAD;
        return AID_DATE_EITHER;
    }
    if (order == AIDSTAT_DATE_ORDER_DMY)
        return done(out, y, b, a, 0, why);
    return done(out, y, a, b, 0, why);
}

aid_date_status_t aid_date_read(const char *s, aidstat_date_order_t order, aid_date_t *out,
                                aidstat_date_order_t *proves, const char **why)
{
    tok_t t[TOK_MAX];
    int n = 0;
    *proves = AIDSTAT_DATE_ORDER_AUTO;
    *why = N_("not a date");
    if (!s || !tokenize(s, t, &n, why))
        return AID_DATE_BAD;
    const tok_t *a = &t[0], *b = &t[1], *c = &t[2];
    switch (n) {
    case 1:
        if (year_ok(a))
            return done(out, a->v, 0, 0, 0, why);
        break;
    case 2:
        /* 2024-03, 2024/03 */
        if (year_ok(a) && b->kind == 'n' && (b->sep == '-' || b->sep == '/') && b->ndig <= 2)
            return done(out, a->v, b->v ? b->v : -1, 0, 0, why);
        /* 03/2024, 3.2024 */
        if (a->kind == 'n' && a->ndig <= 2 && year_ok(b) && (b->sep == '/' || b->sep == '.' || b->sep == '-'))
            return done(out, b->v, a->v ? a->v : -1, 0, 0, why);
        /* 2024Q1, 2024-Q1, 2024 Q1 */
        if (year_ok(a) && b->kind == 'q' && b->sep != '.' && b->sep != ',')
            return done(out, a->v, 3 * b->v - 2, 0, b->v, why);
        /* Q1 2024, Q1/2024, Q1-2024 */
        if (a->kind == 'q' && year_ok(b) && b->sep != '.' && b->sep != ',')
            return done(out, b->v, 3 * a->v - 2, 0, a->v, why);
        /* März 2024, Mrz. 2024, Mar-2024 */
        if (a->kind == 'm' && year_ok(b) && b->sep != '/' && b->sep != ',')
            return done(out, b->v, a->v, 0, 0, why);
        /* 2024 März, 2024-Mar */
        if (year_ok(a) && b->kind == 'm' && (b->sep == ' ' || b->sep == '-'))
            return done(out, a->v, b->v, 0, 0, why);
        break;
    case 3:
        if (a->kind == 'n' && b->kind == 'n' && c->kind == 'n') {
            if (year_ok(a) && b->sep == c->sep && (b->sep == '-' || b->sep == '/') && b->ndig <= 2 &&
                c->ndig <= 2)
                return done(out, a->v, b->v ? b->v : -1, c->v ? c->v : -1, 0, why);
            if (year_ok(c) && a->ndig <= 2 && b->ndig <= 2 && b->sep == c->sep) {
                if (b->sep == '.') /* German: always day-first */
                    return done(out, c->v, b->v ? b->v : -1, a->v ? a->v : -1, 0, why);
                if (b->sep == '/' || b->sep == '-')
                    return numeric(t, order, out, proves, why);
            }
            if (year_ok(c) && a->ndig <= 2 && b->ndig <= 2)
                *why = "not a date: mixed separators";
            else if (c->ndig == 2 && a->ndig <= 2)
                *why = N_("year out of range");
            break;
        }
        /* 15. März 2024, 15 March 2024, 15-Mar-2024 */
        if (a->kind == 'n' && a->ndig <= 2 && b->kind == 'm' && year_ok(c))
            return done(out, c->v, b->v, a->v ? a->v : -1, 0, why);
        /* March 15, 2024 */
        if (a->kind == 'm' && b->kind == 'n' && b->ndig <= 2 && b->sep == ' ' && year_ok(c))
            return done(out, c->v, a->v, b->v ? b->v : -1, 0, why);
        break;
    default:
        break;
    }
    if (!strcmp(*why, "not a date") || !*why)
        *why = N_("not a date");
    return AID_DATE_BAD;
}

const char *aid_date_order_name(aidstat_date_order_t o)
{
    switch (o) {
    case AIDSTAT_DATE_ORDER_DMY:
        return N_("day-first (D/M/YYYY)");
    case AIDSTAT_DATE_ORDER_MDY:
        return N_("month-first (M/D/YYYY)");
    case AIDSTAT_DATE_ORDER_YMD:
        return N_("year-first (YYYY-MM-DD)");
    default:
        return NULL;
    }
}

struct aid_dates {
    char *file, *column;
    long col;
    aidstat_date_order_t given, decided;
    long decided_line, either_line;
    char *decided_text, *either_text;
    uint64_t quarters;
};

aid_dates_t *aid_dates_new(const char *file, const char *column, long col, aidstat_date_order_t given)
{
    aid_dates_t *D = g_new0(aid_dates_t, 1);
    D->file = g_strdup(file);
    D->column = aid_tally_clip(column, 80);
    D->col = col;
    D->given = given;
    return D;
}

void aid_dates_free(aid_dates_t *D)
{
    if (!D)
        return;
    g_free(D->file);
    g_free(D->column);
    g_free(D->decided_text);
    g_free(D->either_text);
    g_free(D);
}

static const char *short_name(aidstat_date_order_t o)
{
    /* words inside a message: in the messages' language */
    return o == AIDSTAT_DATE_ORDER_DMY ? _("day-first") : _("month-first");
}

int aid_dates_see(aid_dates_t *D, const char *s, long line, aidstat_error_t *err)
{
    /* only D/M/YYYY and M/D/YYYY show or need an order */
    if (D->given != AIDSTAT_DATE_ORDER_AUTO || !g_ascii_isdigit(s[0]) ||
        (g_ascii_isdigit(s[1]) && g_ascii_isdigit(s[2])))
        return 0;
    aid_date_t x;
    aidstat_date_order_t proves;
    const char *why;
    aid_date_status_t st = aid_date_read(s, AIDSTAT_DATE_ORDER_AUTO, &x, &proves, &why);
    if (proves != AIDSTAT_DATE_ORDER_AUTO) {
        if (D->decided == AIDSTAT_DATE_ORDER_AUTO) {
            D->decided = proves;
            D->decided_line = line;
            D->decided_text = aid_tally_clip(s, 40);
        } else if (D->decided != proves) {
            char *text = aid_tally_clip(s, 40);
            aid_error_set(err, AIDSTAT_ERR_INPUT, D->file, line, D->col + 1,
                          "date \"%s\" is %s, but column \"%s\" is %s (line %ld: \"%s\"); state the date "
                          "order", /* AID_DATE_ADVICE */
                          text, short_name(proves), D->column, short_name(D->decided), D->decided_line,
                          D->decided_text);
            g_free(text);
            return -1;
        }
    } else if (st == AID_DATE_EITHER && !D->either_line) {
        D->either_line = line;
        D->either_text = aid_tally_clip(s, 40);
    }
    return 0;
}

bool aid_dates_waiting(const aid_dates_t *D)
{
    return D && D->either_line && D->decided == AIDSTAT_DATE_ORDER_AUTO;
}

void aid_dates_ambiguous(const aid_dates_t *D, const char *where, aidstat_error_t *err)
{
    aid_error_set(err, AIDSTAT_ERR_INPUT, D->file, D->either_line, D->col + 1,
                  "column \"%s\" does not show its date order: \"%s\" is one date day-first "
                  "and another month-first, and no value %s settles it (as \"13/1/2024\" or "
                  "\"1/13/2024\" would); state the date order", /* AID_DATE_ADVICE */
                  D->column, D->either_text, where);
}

aid_date_status_t aid_dates_read(aid_dates_t *D, const char *s, aid_date_t *out, const char **why)
{
    aidstat_date_order_t proves;
    aidstat_date_order_t o = D->given != AIDSTAT_DATE_ORDER_AUTO ? D->given : D->decided;
    aid_date_status_t st = aid_date_read(s, o, out, &proves, why);
    if (st == AID_DATE_EITHER) {
        *why = N_("day and month could be either way round");
        return AID_DATE_BAD;
    }
    if (st == AID_DATE_OK && out->quarter)
        D->quarters++;
    return st;
}

void aid_dates_notes(const aid_dates_t *D, aidstat_load_report_t *report)
{
    if (!D || !report)
        return;
    if (D->given != AIDSTAT_DATE_ORDER_AUTO)
        aid_tally_note(report, "column \"%s\" read %s, as stated", D->column,
                       _(aid_date_order_name(D->given)));
    else if (D->decided != AIDSTAT_DATE_ORDER_AUTO)
        aid_tally_note(report, "column \"%s\" read %s, as line %ld shows (\"%s\")", D->column,
                       _(aid_date_order_name(D->decided)), D->decided_line, D->decided_text);
    if (D->quarters)
        aid_tally_note_n(report,
                         "column \"%s\": %" PRIu64 " quarter dated to the quarter's first month (Q1 as "
                         "January): yearly and quarterly figures are exact, monthly ones show each "
                         "quarter in its first month",
                         "column \"%s\": %" PRIu64 " quarters dated to the quarter's first month (Q1 as "
                         "January): yearly and quarterly figures are exact, monthly ones show each "
                         "quarter in its first month",
                         D->quarters, D->column, D->quarters);
}

int aid_date_order_parse(const char *s)
{
    static const char *const names[] = {"auto", "dmy", "mdy", "ymd"};
    for (int i = 0; s && i < (int)G_N_ELEMENTS(names); i++)
        if (!g_ascii_strcasecmp(s, names[i]))
            return i;
    return -1;
}

aidstat_status_t aidstat_date_order_parse(const char *s, aidstat_date_order_t *out)
{
    int v = s ? aid_date_order_parse(s) : -1;
    if (v < 0)
        return AIDSTAT_ERR_USAGE;
    *out = (aidstat_date_order_t)v;
    return AIDSTAT_OK;
}
