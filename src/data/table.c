/* The columnar table: one array per field, strings interned once. A
 * million records take about 60 bytes each instead of a struct with
 * seven string pointers and their copies. */
#include "config.h"
#include "aidstat.h"
#include "data/intern.h"

#include <glib.h>

struct aidstat_table {
    aid_intern_t strings;
    GArray *donor, *iso3, *recipient, *currency, *source, *release, *file, *part; /* uint32 ids */
    GArray *year, *gdp_year;                                                      /* int16 */
    GArray *month, *day, *type, *measure, *flags;                                 /* uint8 */
    GArray *value, *gdp;                                                          /* double */
    GArray *line;                                                                 /* int64 */
};

aidstat_table_t *aidstat_table_new(void)
{
    aidstat_table_t *t = g_new0(aidstat_table_t, 1);
    aid_intern_init(&t->strings);
#define COL(name, type) t->name = g_array_new(FALSE, FALSE, sizeof(type))
    COL(donor, uint32_t);
    COL(iso3, uint32_t);
    COL(recipient, uint32_t);
    COL(currency, uint32_t);
    COL(source, uint32_t);
    COL(release, uint32_t);
    COL(file, uint32_t);
    COL(part, uint32_t);
    COL(year, int16_t);
    COL(gdp_year, int16_t);
    COL(month, uint8_t);
    COL(day, uint8_t);
    COL(type, uint8_t);
    COL(measure, uint8_t);
    COL(flags, uint8_t);
    COL(value, double);
    COL(gdp, double);
    COL(line, int64_t);
#undef COL
    return t;
}

void aidstat_table_free(aidstat_table_t *t)
{
    if (!t)
        return;
    GArray *cols[] = {t->donor, t->iso3,    t->recipient, t->currency, t->source, t->release,
                      t->file,  t->part,    t->year,      t->gdp_year, t->month,  t->day,
                      t->type,  t->measure, t->flags,     t->value,    t->gdp,    t->line};
    for (size_t i = 0; i < G_N_ELEMENTS(cols); i++)
        g_array_free(cols[i], TRUE);
    aid_intern_clear(&t->strings);
    g_free(t);
}

static void put_str(aidstat_table_t *t, GArray *col, const char *s)
{
    uint32_t id = aid_intern(&t->strings, s ? s : "");
    g_array_append_val(col, id);
}

int aidstat_table_append(const aidstat_record_t *rec, void *table)
{
    aidstat_table_t *t = table;
    put_str(t, t->donor, rec->donor);
    put_str(t, t->iso3, rec->iso3);
    put_str(t, t->recipient, rec->recipient);
    put_str(t, t->currency, rec->currency);
    put_str(t, t->source, rec->source);
    put_str(t, t->release, rec->release);
    put_str(t, t->file, rec->file);
    /* most records are no part of a split: no string for them */
    uint32_t part = rec->part && rec->part[0] ? aid_intern(&t->strings, rec->part) : UINT32_MAX;
    g_array_append_val(t->part, part);
    int16_t y = (int16_t)rec->year, gy = (int16_t)rec->gdp_year;
    uint8_t m = (uint8_t)rec->month, d = (uint8_t)rec->day, ty = (uint8_t)rec->type,
            me = (uint8_t)rec->measure, fl = (uint8_t)rec->flags;
    int64_t line = rec->line;
    g_array_append_val(t->year, y);
    g_array_append_val(t->gdp_year, gy);
    g_array_append_val(t->month, m);
    g_array_append_val(t->day, d);
    g_array_append_val(t->type, ty);
    g_array_append_val(t->measure, me);
    g_array_append_val(t->flags, fl);
    g_array_append_val(t->value, rec->value);
    g_array_append_val(t->gdp, rec->gdp);
    g_array_append_val(t->line, line);
    return 0;
}

size_t aidstat_table_size(const aidstat_table_t *t)
{
    return t ? t->value->len : 0;
}

size_t aidstat_table_string_count(const aidstat_table_t *t)
{
    return t ? aid_intern_count(&t->strings) : 0;
}

#define S(col) aid_intern_str(&t->strings, g_array_index(t->col, uint32_t, i))

void aidstat_table_get(const aidstat_table_t *t, size_t i, aidstat_record_t *rec)
{
    rec->donor = S(donor);
    rec->iso3 = S(iso3);
    rec->recipient = S(recipient);
    rec->currency = S(currency);
    rec->source = S(source);
    rec->release = S(release);
    rec->file = S(file);
    uint32_t part = g_array_index(t->part, uint32_t, i);
    rec->part = part == UINT32_MAX ? NULL : aid_intern_str(&t->strings, part);
    rec->year = g_array_index(t->year, int16_t, i);
    rec->gdp_year = g_array_index(t->gdp_year, int16_t, i);
    rec->month = g_array_index(t->month, uint8_t, i);
    rec->day = g_array_index(t->day, uint8_t, i);
    rec->type = (aidstat_type_t)g_array_index(t->type, uint8_t, i);
    rec->measure = (aidstat_measure_t)g_array_index(t->measure, uint8_t, i);
    rec->flags = g_array_index(t->flags, uint8_t, i);
    rec->value = g_array_index(t->value, double, i);
    rec->gdp = g_array_index(t->gdp, double, i);
    rec->line = (long)g_array_index(t->line, int64_t, i);
}

aidstat_status_t aidstat_table_foreach(const aidstat_table_t *t, aidstat_record_fn fn, void *user)
{
    aidstat_record_t rec;
    for (size_t i = 0; i < aidstat_table_size(t); i++) {
        aidstat_table_get(t, i, &rec);
        if (fn(&rec, user))
            return AIDSTAT_ERR_ABORTED;
    }
    return AIDSTAT_OK;
}
