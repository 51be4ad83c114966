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

/* The cache slot of s (n bytes): from its length and its first and last
 * eight bytes, read as words, so names that share a long prefix ("United
 * Kingdom", "United States") still fall apart. */
static inline unsigned cache_slot(const char *s, size_t n)
{
    uint64_t a = 0, b = 0;
    if (n >= 8) {
        memcpy(&a, s, 8);
        memcpy(&b, s + n - 8, 8);
    } else if (n >= 4) {
        uint32_t x, y;
        memcpy(&x, s, 4);
        memcpy(&y, s + n - 4, 4);
        a = x;
        b = y;
    } else {
        for (size_t i = 0; i < n; i++)
            a = a << 8 | (unsigned char)s[i];
    }
    uint64_t h = (a ^ (b * UINT64_C(0x9E3779B97F4A7C15)) ^ n) * UINT64_C(0xC2B2AE3D27D4EB4F);
    return (unsigned)(h >> 56);
}

uint32_t aid_intern_cached(aid_intern_t *in, aid_intern_cache_t *cache, const char *s)
{
    size_t n = strlen(s);
    unsigned h = cache_slot(s, n);
    if (cache->str[h] && cache->len[h] == n && memcmp(cache->str[h], s, n) == 0)
        return cache->id[h];
    uint32_t id = aid_intern(in, s);
    cache->str[h] = aid_intern_str(in, id);
    cache->len[h] = (uint32_t)n;
    cache->id[h] = id;
    return id;
}
