/* An EU attribution key as data: each member's name, code and share of the
 * aid given through the EU institutions (data/eukey.h). Its readers are in
 * load/eukey.c, its use in stats/attribute.c. */
#include "config.h"
#include "aidstat.h"
#include "data/error.h"
#include "data/eukey.h"

#include <glib.h>
#include <math.h>

typedef struct {
    char *name, *code;
    double amount; /* the key's figure (base units), or any weight */
    guint body;    /* index into bodies */
} member_t;

typedef struct {
    char *code;   /* "EU", "EPF", "EIB" */
    double total; /* its members' amounts summed */
} body_t;

struct aidstat_eukey {
    GArray *members; /* member_t */
    GArray *bodies;  /* body_t, in the key's order */
    double total;
    aidstat_measure_t measure;
    char *describe;
};

static void member_clear(gpointer p)
{
    member_t *m = p;
    g_free(m->name);
    g_free(m->code);
}

static void body_clear(gpointer p)
{
    g_free(((body_t *)p)->code);
}

void aidstat_eukey_free(aidstat_eukey_t *k)
{
    if (!k)
        return;
    g_array_free(k->members, TRUE);
    g_array_free(k->bodies, TRUE);
    g_free(k->describe);
    g_free(k);
}

aidstat_eukey_t *aid_eukey_new(void)
{
    aidstat_eukey_t *k = g_new0(aidstat_eukey_t, 1);
    k->members = g_array_new(FALSE, TRUE, sizeof(member_t));
    g_array_set_clear_func(k->members, member_clear);
    k->bodies = g_array_new(FALSE, TRUE, sizeof(body_t));
    g_array_set_clear_func(k->bodies, body_clear);
    k->measure = AIDSTAT_MEASURE_ALLOCATION;
    return k;
}

void aid_eukey_set_measure(aidstat_eukey_t *k, aidstat_measure_t m)
{
    k->measure = m;
}

void aid_eukey_begin_body(aidstat_eukey_t *k, const char *code)
{
    body_t b = {g_ascii_strup(code, -1), 0};
    g_array_append_val(k->bodies, b);
}

void aid_eukey_add(aidstat_eukey_t *k, const char *name, const char *code, double amount)
{
    if (!k->bodies->len)
        aid_eukey_begin_body(k, "EU");
    member_t m = {g_strdup(name), g_ascii_strup(code, -1), amount, k->bodies->len - 1};
    g_array_append_val(k->members, m);
}

void aid_eukey_set_describe(aidstat_eukey_t *k, const char *describe)
{
    g_free(k->describe);
    k->describe = g_strdup(describe);
}

/* Shares must be positive and name each member once per part. */
aidstat_status_t aid_eukey_check(aidstat_eukey_t *k, const char *file, aidstat_error_t *err)
{
    if (!k->members->len)
        return aid_error_set(err, AIDSTAT_ERR_INPUT, file, 0, 0, "the EU attribution key has no members");
    GHashTable *seen = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
    aidstat_status_t st = AIDSTAT_OK;
    k->total = 0;
    for (guint b = 0; b < k->bodies->len; b++)
        g_array_index(k->bodies, body_t, b).total = 0;
    for (guint i = 0; i < k->members->len && st == AIDSTAT_OK; i++) {
        member_t *m = &g_array_index(k->members, member_t, i);
        body_t *b = &g_array_index(k->bodies, body_t, m->body);
        if (!m->code[0])
            st = aid_error_set(err, AIDSTAT_ERR_INPUT, file, 0, 0,
                               "the EU attribution key gives no country code for %s", m->name);
        else if (!(m->amount > 0) || !isfinite(m->amount))
            st = aid_error_set(err, AIDSTAT_ERR_INPUT, file, 0, 0,
                               "the EU attribution key gives %s no positive share", m->name);
        else if (!g_hash_table_add(seen, g_strdup_printf("%s %s", b->code, m->code)))
            st =
                aid_error_set(err, AIDSTAT_ERR_INPUT, file, 0, 0, "the EU attribution key names %s twice%s%s",
                              m->name, k->bodies->len > 1 ? " for " : "", k->bodies->len > 1 ? b->code : "");
        k->total += m->amount;
        b->total += m->amount;
    }
    g_hash_table_destroy(seen);
    return st;
}

size_t aidstat_eukey_count(const aidstat_eukey_t *k)
{
    return k->members->len;
}

const char *aidstat_eukey_member(const aidstat_eukey_t *k, size_t i, const char **code, double *share)
{
    const member_t *m = &g_array_index(k->members, member_t, i);
    if (code)
        *code = m->code;
    if (share)
        *share = m->amount / g_array_index(k->bodies, body_t, m->body).total;
    return m->name;
}

const char *aidstat_eukey_member_body(const aidstat_eukey_t *k, size_t i)
{
    return g_array_index(k->bodies, body_t, g_array_index(k->members, member_t, i).body).code;
}

size_t aidstat_eukey_body_count(const aidstat_eukey_t *k)
{
    return k->bodies->len;
}

const char *aidstat_eukey_body(const aidstat_eukey_t *k, size_t i, double *total)
{
    const body_t *b = &g_array_index(k->bodies, body_t, i);
    if (total)
        *total = b->total;
    return b->code;
}

aidstat_measure_t aidstat_eukey_measure(const aidstat_eukey_t *k)
{
    return k->measure;
}

double aidstat_eukey_total(const aidstat_eukey_t *k)
{
    return k->total;
}

const char *aidstat_eukey_describe(const aidstat_eukey_t *k)
{
    return k->describe ? k->describe : "";
}
