/* Item counts as data: per donor, item and stage (committed or delivered)
 * a number of units (data/counts.h). Kept apart from aid records, which
 * are money over time: a count has neither currency nor date. */
#include "config.h"
#include "aidstat.h"
#include "data/counts.h"

#include <glib.h>
#include <stdarg.h>

struct aidstat_counts {
    GArray *rows; /* aidstat_count_t, strings from strings */
    GStringChunk *strings;
    GPtrArray *notes; /* char* */
    char *source;
};

aidstat_counts_t *aid_counts_new(const char *source)
{
    aidstat_counts_t *c = g_new0(aidstat_counts_t, 1);
    c->rows = g_array_new(FALSE, TRUE, sizeof(aidstat_count_t));
    c->strings = g_string_chunk_new(4096);
    c->notes = g_ptr_array_new_with_free_func(g_free);
    c->source = g_strdup(source ? source : "");
    return c;
}

void aidstat_counts_free(aidstat_counts_t *c)
{
    if (!c)
        return;
    g_array_free(c->rows, TRUE);
    g_string_chunk_free(c->strings);
    g_ptr_array_free(c->notes, TRUE);
    g_free(c->source);
    g_free(c);
}

void aid_counts_add(aidstat_counts_t *c, const char *donor, const char *code, const char *item,
                    const char *category, aidstat_count_stage_t stage, double count)
{
    aidstat_count_t r = {g_string_chunk_insert_const(c->strings, donor),
                         g_string_chunk_insert_const(c->strings, code),
                         g_string_chunk_insert_const(c->strings, item),
                         g_string_chunk_insert_const(c->strings, category ? category : ""),
                         stage,
                         count};
    g_array_append_val(c->rows, r);
}

void aid_counts_note(aidstat_counts_t *c, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    g_ptr_array_add(c->notes, g_strdup_vprintf(fmt, ap));
    va_end(ap);
}

size_t aidstat_counts_size(const aidstat_counts_t *c)
{
    return c->rows->len;
}

const aidstat_count_t *aidstat_counts_get(const aidstat_counts_t *c, size_t i)
{
    return i < c->rows->len ? &g_array_index(c->rows, aidstat_count_t, i) : NULL;
}

const char *aidstat_counts_source(const aidstat_counts_t *c)
{
    return c->source;
}

size_t aidstat_counts_note_count(const aidstat_counts_t *c)
{
    return c->notes->len;
}

const char *aidstat_counts_note(const aidstat_counts_t *c, size_t i)
{
    return i < c->notes->len ? c->notes->pdata[i] : "";
}
