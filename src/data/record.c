/* Aid types and measures: canonical names, labels for people, and the
 * spellings found in real files. */
#include "config.h"
#include "data/record.h"
#include "aidstat.h"
#include "data/intl.h"

#include <glib.h>
#include <string.h>

static const char *const type_names[AIDSTAT_TYPE_COUNT] = {
    "military", "financial", "humanitarian", "other", "total",
};
static const char *const type_labels[AIDSTAT_TYPE_COUNT] = {
    N_("Military"), N_("Financial"), N_("Humanitarian"), N_("Other"), N_("All types (not split)"),
};
static const char *const measure_names[AIDSTAT_MEASURE_COUNT] = {
    "commitment",
    "allocation",
    "delivery",
    "to_be_allocated",
};
static const char *const measure_labels[AIDSTAT_MEASURE_COUNT] = {
    N_("Commitments"),
    N_("Allocations"),
    N_("Deliveries"),
    N_("To be allocated"),
};

/* The labels in German, looked up once: they are asked for per record. */
static const char *labels_de[AIDSTAT_TYPE_COUNT + AIDSTAT_MEASURE_COUNT];

static void translate(void *unused)
{
    (void)unused;
    for (int i = 0; i < AIDSTAT_TYPE_COUNT; i++)
        labels_de[i] = L_(type_labels[i]);
    for (int i = 0; i < AIDSTAT_MEASURE_COUNT; i++)
        labels_de[AIDSTAT_TYPE_COUNT + i] = L_(measure_labels[i]);
}

static const char *people(const char *en, int i)
{
    if (!aid_lang_de())
        return en;
    /* looked up again when the language was set again (a program may
     * switch its catalogue and say so with aidstat_set_language) */
    static gint done = -1;
    static GMutex lock;
    int gen = aid_lang_generation();
    if (g_atomic_int_get(&done) != gen) {
        g_mutex_lock(&lock);
        if (g_atomic_int_get(&done) != gen) {
            translate(NULL);
            g_atomic_int_set(&done, gen);
        }
        g_mutex_unlock(&lock);
    }
    return labels_de[i];
}

const char *aidstat_type_name(aidstat_type_t t)
{
    return (unsigned)t < AIDSTAT_TYPE_COUNT ? type_names[t] : "?";
}

const char *aidstat_type_label(aidstat_type_t t)
{
    return (unsigned)t < AIDSTAT_TYPE_COUNT ? people(type_labels[t], (int)t) : "?";
}

const char *aidstat_measure_name(aidstat_measure_t m)
{
    return (unsigned)m < AIDSTAT_MEASURE_COUNT ? measure_names[m] : "?";
}

const char *aidstat_measure_label(aidstat_measure_t m)
{
    return (unsigned)m < AIDSTAT_MEASURE_COUNT ? people(measure_labels[m], AIDSTAT_TYPE_COUNT + (int)m) : "?";
}

/* Lower-case s into buf, turning '_', '-' and runs of spaces into one space
 * and trimming; returns false if it does not fit. */
static bool normalize(const char *s, char *buf, size_t len)
{
    size_t n = 0;
    bool space = false;
    for (; *s; s++) {
        unsigned char c = (unsigned char)*s;
        if (c == '_' || c == '-' || g_ascii_isspace(c)) {
            space = n > 0;
            continue;
        }
        if (space) {
            if (n + 1 >= len)
                return false;
            buf[n++] = ' ';
            space = false;
        }
        if (n + 1 >= len)
            return false;
        buf[n++] = (char)g_ascii_tolower(c);
    }
    buf[n] = '\0';
    return true;
}

struct alias {
    const char *text;
    int value;
};

static int lookup(const char *s, const struct alias *a)
{
    char buf[64];
    if (!s || !normalize(s, buf, sizeof buf))
        return -1;
    /* "MILITÄR": letters beyond ASCII are folded too, only when there are any */
    char *folded = NULL;
    for (const char *p = buf; *p && !folded; p++)
        if ((unsigned char)*p >= 0x80 && g_utf8_validate(buf, -1, NULL))
            folded = g_utf8_casefold(buf, -1);
    const char *key = folded ? folded : buf;
    int v = -1;
    for (; a->text && v < 0; a++)
        if (strcmp(key, a->text) == 0)
            v = a->value;
    g_free(folded);
    return v;
}

int aid_type_parse(const char *s)
{
    static const struct alias aliases[] = {
        {"military", AIDSTAT_TYPE_MILITARY},
        {"mil", AIDSTAT_TYPE_MILITARY},
        {"military aid", AIDSTAT_TYPE_MILITARY},
        {"weapons", AIDSTAT_TYPE_MILITARY},
        {"arms", AIDSTAT_TYPE_MILITARY},
        {"military assistance", AIDSTAT_TYPE_MILITARY},
        {"security assistance", AIDSTAT_TYPE_MILITARY},
        {"budget support", AIDSTAT_TYPE_FINANCIAL},
        {"humanitarian assistance", AIDSTAT_TYPE_HUMANITARIAN},
        {"financial", AIDSTAT_TYPE_FINANCIAL},
        {"fin", AIDSTAT_TYPE_FINANCIAL},
        {"financial aid", AIDSTAT_TYPE_FINANCIAL},
        {"finance", AIDSTAT_TYPE_FINANCIAL},
        {"humanitarian", AIDSTAT_TYPE_HUMANITARIAN},
        {"hum", AIDSTAT_TYPE_HUMANITARIAN},
        {"humanitarian aid", AIDSTAT_TYPE_HUMANITARIAN},
        {"other", AIDSTAT_TYPE_OTHER},
        {"other aid", AIDSTAT_TYPE_OTHER},
        {"total", AIDSTAT_TYPE_TOTAL},
        {"all", AIDSTAT_TYPE_TOTAL},
        {"all types", AIDSTAT_TYPE_TOTAL},
        {"total aid", AIDSTAT_TYPE_TOTAL},
        /* German, as Kiel's and ministries' German tables write them */
        {"militär", AIDSTAT_TYPE_MILITARY},
        {"militärisch", AIDSTAT_TYPE_MILITARY},
        {"militärhilfe", AIDSTAT_TYPE_MILITARY},
        {"militärische hilfe", AIDSTAT_TYPE_MILITARY},
        {"waffen", AIDSTAT_TYPE_MILITARY},
        {"waffenlieferungen", AIDSTAT_TYPE_MILITARY},
        {"budgethilfe", AIDSTAT_TYPE_FINANCIAL},
        {"finanziell", AIDSTAT_TYPE_FINANCIAL},
        {"finanzhilfe", AIDSTAT_TYPE_FINANCIAL},
        {"finanzielle hilfe", AIDSTAT_TYPE_FINANCIAL},
        {"humanitär", AIDSTAT_TYPE_HUMANITARIAN},
        {"humanitäre hilfe", AIDSTAT_TYPE_HUMANITARIAN},
        {"sonstige", AIDSTAT_TYPE_OTHER},
        {"sonstiges", AIDSTAT_TYPE_OTHER},
        {"gesamt", AIDSTAT_TYPE_TOTAL},
        {"insgesamt", AIDSTAT_TYPE_TOTAL},
        {NULL, 0},
    };
    return lookup(s, aliases);
}

aidstat_status_t aidstat_type_parse(const char *s, aidstat_type_t *out)
{
    int v = s ? aid_type_parse(s) : -1;
    if (v < 0)
        return AIDSTAT_ERR_USAGE;
    *out = (aidstat_type_t)v;
    return AIDSTAT_OK;
}

int aid_measure_parse(const char *s)
{
    static const struct alias aliases[] = {
        {"commitment", AIDSTAT_MEASURE_COMMITMENT},
        {"commitments", AIDSTAT_MEASURE_COMMITMENT},
        {"committed", AIDSTAT_MEASURE_COMMITMENT},
        {"pledge", AIDSTAT_MEASURE_COMMITMENT},
        {"pledges", AIDSTAT_MEASURE_COMMITMENT},
        {"pledged", AIDSTAT_MEASURE_COMMITMENT},
        {"allocation", AIDSTAT_MEASURE_ALLOCATION},
        {"allocations", AIDSTAT_MEASURE_ALLOCATION},
        {"allocated", AIDSTAT_MEASURE_ALLOCATION},
        {"delivery", AIDSTAT_MEASURE_DELIVERY},
        {"deliveries", AIDSTAT_MEASURE_DELIVERY},
        {"delivered", AIDSTAT_MEASURE_DELIVERY},
        {"disbursement", AIDSTAT_MEASURE_DELIVERY},
        {"disbursements", AIDSTAT_MEASURE_DELIVERY},
        {"disbursed", AIDSTAT_MEASURE_DELIVERY},
        {"to be allocated", AIDSTAT_MEASURE_TO_BE_ALLOCATED},
        {"tobeallocated", AIDSTAT_MEASURE_TO_BE_ALLOCATED},
        {"pipeline", AIDSTAT_MEASURE_TO_BE_ALLOCATED},
        {"unallocated", AIDSTAT_MEASURE_TO_BE_ALLOCATED},
        /* German */
        {"zusage", AIDSTAT_MEASURE_COMMITMENT},
        {"zusagen", AIDSTAT_MEASURE_COMMITMENT},
        {"zugesagt", AIDSTAT_MEASURE_COMMITMENT},
        {"bereitstellung", AIDSTAT_MEASURE_ALLOCATION},
        {"bereitstellungen", AIDSTAT_MEASURE_ALLOCATION},
        {"bereitgestellt", AIDSTAT_MEASURE_ALLOCATION},
        {"zuweisung", AIDSTAT_MEASURE_ALLOCATION},
        {"zuweisungen", AIDSTAT_MEASURE_ALLOCATION},
        {"lieferung", AIDSTAT_MEASURE_DELIVERY},
        {"lieferungen", AIDSTAT_MEASURE_DELIVERY},
        {"geliefert", AIDSTAT_MEASURE_DELIVERY},
        {"auszahlung", AIDSTAT_MEASURE_DELIVERY},
        {"auszahlungen", AIDSTAT_MEASURE_DELIVERY},
        {"ausgezahlt", AIDSTAT_MEASURE_DELIVERY},
        {NULL, 0},
    };
    return lookup(s, aliases);
}

aidstat_status_t aidstat_measure_parse(const char *s, aidstat_measure_t *out)
{
    int v = s ? aid_measure_parse(s) : -1;
    if (v < 0)
        return AIDSTAT_ERR_USAGE;
    *out = (aidstat_measure_t)v;
    return AIDSTAT_OK;
}
