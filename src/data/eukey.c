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
} member_t;

struct aidstat_eukey {
    GArray *members; /* member_t */
    double total;
    char *describe;
};

static void member_clear(gpointer p)
{
    member_t *m = p;
    g_free(m->name);
    g_free(m->code);
}

void aidstat_eukey_free(aidstat_eukey_t *k)
{
    if (!k)
        return;
    g_array_free(k->members, TRUE);
    g_free(k->describe);
    g_free(k);
}

aidstat_eukey_t *aid_eukey_new(void)
{
    aidstat_eukey_t *k = g_new0(aidstat_eukey_t, 1);
    k->members = g_array_new(FALSE, TRUE, sizeof(member_t));
    g_array_set_clear_func(k->members, member_clear);
    return k;
}

void aid_eukey_add(aidstat_eukey_t *k, const char *name, const char *code, double amount)
{
    member_t m = {g_strdup(name), g_ascii_strup(code, -1), amount};
    g_array_append_val(k->members, m);
}

void aid_eukey_set_describe(aidstat_eukey_t *k, const char *describe)
{
    g_free(k->describe);
    k->describe = g_strdup(describe);
}

/* Shares must be positive and name each member once. */
aidstat_status_t aid_eukey_check(aidstat_eukey_t *k, const char *file, aidstat_error_t *err)
{
    if (!k->members->len)
        return aid_error_set(err, AIDSTAT_ERR_INPUT, file, 0, 0, "the EU attribution key has no members");
    GHashTable *seen = g_hash_table_new(g_str_hash, g_str_equal);
    aidstat_status_t st = AIDSTAT_OK;
    for (guint i = 0; i < k->members->len && st == AIDSTAT_OK; i++) {
        member_t *m = &g_array_index(k->members, member_t, i);
        if (!m->code[0])
            st = aid_error_set(err, AIDSTAT_ERR_INPUT, file, 0, 0,
                               "the EU attribution key gives no country code for %s", m->name);
        else if (!(m->amount > 0) || !isfinite(m->amount))
            st = aid_error_set(err, AIDSTAT_ERR_INPUT, file, 0, 0,
                               "the EU attribution key gives %s no positive share", m->name);
        else if (!g_hash_table_add(seen, m->code))
            st = aid_error_set(err, AIDSTAT_ERR_INPUT, file, 0, 0,
                               "the EU attribution key names %s twice", m->name);
        k->total += m->amount;
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
        *share = m->amount / k->total;
    return m->name;
}

double aidstat_eukey_total(const aidstat_eukey_t *k)
{
    return k->total;
}

const char *aidstat_eukey_describe(const aidstat_eukey_t *k)
{
    return k->describe ? k->describe : "";
}
