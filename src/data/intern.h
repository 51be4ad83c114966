/* Internal: a string interner. Equal strings get the same id and the same
 * pointer, which lives as long as the interner. */
#ifndef AID_INTERN_H
#define AID_INTERN_H

#include <glib.h>
#include <stdint.h>

typedef struct {
    GStringChunk *chunk;
    GHashTable *ids; /* string -> id + 1 */
    GPtrArray *strings;
} aid_intern_t;

void aid_intern_init(aid_intern_t *in);
void aid_intern_clear(aid_intern_t *in);
/* The id of s, adding it if new. */
uint32_t aid_intern(aid_intern_t *in, const char *s);
/* The id of s, or UINT32_MAX if absent. */
uint32_t aid_intern_find(const aid_intern_t *in, const char *s);
/* A direct-mapped cache in front of an interner: a hot loop that looks up
 * the same few dozen strings (donor names) row after row skips hashing
 * whole strings. Zero-initialise before use. */
typedef struct {
    const char *str[256];
    uint32_t len[256];
    uint32_t id[256];
} aid_intern_cache_t;

/* aid_intern through the cache. */
uint32_t aid_intern_cached(aid_intern_t *in, aid_intern_cache_t *cache, const char *s);

static inline const char *aid_intern_str(const aid_intern_t *in, uint32_t id)
{
    return (const char *)g_ptr_array_index(in->strings, id);
}
static inline uint32_t aid_intern_count(const aid_intern_t *in)
{
    return in->strings->len;
}

#endif
