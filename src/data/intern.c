#include "config.h"
#include "data/intern.h"

#include <string.h>

void aid_intern_init(aid_intern_t *in)
{
    in->chunk = g_string_chunk_new(4096);
    in->ids = g_hash_table_new(g_str_hash, g_str_equal);
    in->strings = g_ptr_array_new();
}

void aid_intern_clear(aid_intern_t *in)
{
    if (in->ids)
        g_hash_table_destroy(in->ids);
    if (in->strings)
        g_ptr_array_free(in->strings, TRUE);
    if (in->chunk)
        g_string_chunk_free(in->chunk);
    in->ids = NULL;
    in->strings = NULL;
    in->chunk = NULL;
}

uint32_t aid_intern(aid_intern_t *in, const char *s)
{
    gpointer v = g_hash_table_lookup(in->ids, s);
    if (v)
        return (uint32_t)GPOINTER_TO_UINT(v) - 1;
    char *copy = g_string_chunk_insert_const(in->chunk, s);
    uint32_t id = in->strings->len;
    g_ptr_array_add(in->strings, copy);
    g_hash_table_insert(in->ids, copy, GUINT_TO_POINTER(id + 1));
    return id;
}

uint32_t aid_intern_find(const aid_intern_t *in, const char *s)
{
    gpointer v = g_hash_table_lookup(in->ids, s);
    return v ? (uint32_t)GPOINTER_TO_UINT(v) - 1 : UINT32_MAX;
}

uint32_t aid_intern_cached(aid_intern_t *in, aid_intern_cache_t *cache, const char *s)
{
    /* slot from the first eight bytes: cheap, and enough to tell donors apart */
    uint32_t h = 0;
    for (int i = 0; i < 8 && s[i]; i++)
        h = h * 31 + (unsigned char)s[i];
    h = (h ^ (h >> 8)) & 255;
    if (cache->str[h] && strcmp(cache->str[h], s) == 0)
        return cache->id[h];
    uint32_t id = aid_intern(in, s);
    cache->str[h] = aid_intern_str(in, id);
    cache->id[h] = id;
    return id;
}
