/* The German catalogue read from its .mo file, for labels when the
 * language is fixed to German (aidstat_set_language) while the program's
 * locale is not German: GNU gettext picks its catalogue from the process's
 * locale alone (LANGUAGE, LC_MESSAGES) and offers no lookup in a catalogue
 * of one's choosing. The format is GNU gettext's ("The Format of GNU MO
 * Files" in its manual), revision 0 or 1: a table of original strings and
 * one of their translations, sorted, and (revision 1) strings with
 * system-dependent pieces such as <PRIu64>, expanded here as the C library
 * of this build spells them. */
#include "config.h"
#include "data/mofile.h"
#include "data/intl.h"

#include <glib.h>
#include <inttypes.h>
#include <string.h>

typedef struct {
    const char *text; /* the translation: its plural forms one after the other, each ending in NUL */
    guint32 len;      /* bytes of all forms, without the last NUL */
} entry_t;

typedef struct {
    GMappedFile *file;
    GStringChunk *expanded; /* strings with system-dependent pieces, put together */
    GHashTable *map;        /* original (context\004msgid, singular form) -> entry_t * */
    entry_t *entries;       /* the strings' and then those with pieces' */
    guint32 spare;          /* room in entries for strings with pieces */
} catalogue_t;

typedef struct {
    const guint8 *data;
    gsize size;
    bool swap; /* written on a machine of the other byte order */
} mo_t;

/* The 32-bit number at byte offset at, or false when the file is shorter. */
static bool word(const mo_t *mo, gsize at, guint32 *v)
{
    if (at > mo->size || mo->size - at < 4)
        return false;
    guint32 x;
    memcpy(&x, mo->data + at, 4);
    *v = mo->swap ? GUINT32_SWAP_LE_BE(x) : x;
    return true;
}

/* Table entry i at offset table: a string's length and offset, the string
 * inside the file and ending in NUL. */
static bool string_at(const mo_t *mo, guint32 table, guint32 i, const char **s, guint32 *len)
{
    guint32 off;
    if (!word(mo, (gsize)table + 8 * (gsize)i, len) || !word(mo, (gsize)table + 8 * (gsize)i + 4, &off) ||
        off >= mo->size || mo->size - off <= *len || mo->data[off + *len])
        return false;
    *s = (const char *)mo->data + off;
    return true;
}

/* The value of system-dependent piece i of the table at offset seg, as
 * this C library spells it; NULL for a piece unknown here. */
static const char *piece_value(const mo_t *mo, guint32 seg, guint32 i)
{
    static const struct {
        const char *name, *value;
    } pieces[] = {
        {"PRId64", PRId64}, {"PRIu64", PRIu64}, {"PRIx64", PRIx64}, {"PRIi64", PRIi64},
        {"PRId32", PRId32}, {"PRIu32", PRIu32}, {"PRIx32", PRIx32}, {"PRIi32", PRIi32},
    };
    guint32 len, off;
    if (!word(mo, (gsize)seg + 8 * (gsize)i, &len) || !word(mo, (gsize)seg + 8 * (gsize)i + 4, &off) ||
        off > mo->size || mo->size - off < len)
        return NULL;
    /* the name's length may count its NUL */
    size_t n = strnlen((const char *)mo->data + off, len);
    for (size_t k = 0; k < G_N_ELEMENTS(pieces); k++)
        if (strlen(pieces[k].name) == n && !memcmp(mo->data + off, pieces[k].name, n))
            return pieces[k].value;
    return NULL;
}

/* The string whose descriptor is at offset desc: static segments with the
 * pieces of the segment table seg (n pieces) between them, the last
 * segment ending in NUL. NULL when a piece is unknown here. */
static char *put_together(const mo_t *mo, guint32 desc, guint32 seg, guint32 n, guint32 *len)
{
    guint32 off;
    if (!word(mo, desc, &off))
        return NULL;
    GString *s = g_string_new(NULL);
    for (gsize at = (gsize)desc + 4;; at += 8) {
        guint32 size, ref;
        /* a string is never longer than the file with every piece in it */
        if (!word(mo, at, &size) || !word(mo, at + 4, &ref) || off > mo->size || mo->size - off < size ||
            s->len > 2 * mo->size)
            break;
        g_string_append_len(s, (const char *)mo->data + off, size);
        off += size;
        if (ref == G_MAXUINT32) {
            /* the last segment carries the string's NUL */
            if (!s->len || s->str[s->len - 1])
                break;
            *len = (guint32)s->len - 1;
            return g_string_free(s, FALSE);
        }
        const char *value = ref < n ? piece_value(mo, seg, ref) : NULL;
        if (!value)
            break;
        g_string_append(s, value);
    }
    g_string_free(s, TRUE);
    return NULL;
}

/* Adds the strings with system-dependent pieces (revision 1). */
static void add_pieced(catalogue_t *c, const mo_t *mo, guint32 n_static)
{
    guint32 n_seg, seg, n, orig, trans;
    if (!word(mo, 28, &n_seg) || !word(mo, 32, &seg) || !word(mo, 36, &n) || !word(mo, 40, &orig) ||
        !word(mo, 44, &trans))
        return;
    if (n > c->spare)
        return;
    for (guint32 i = 0; i < n; i++) {
        guint32 od, td, olen, tlen;
        if (!word(mo, (gsize)orig + 4 * (gsize)i, &od) || !word(mo, (gsize)trans + 4 * (gsize)i, &td))
            return;
        char *o = put_together(mo, od, seg, n_seg, &olen);
        char *t = o ? put_together(mo, td, seg, n_seg, &tlen) : NULL;
        if (t) {
            entry_t *e = &c->entries[n_static + i];
            e->text = g_string_chunk_insert_len(c->expanded, t, (gssize)tlen + 1);
            e->len = tlen;
            g_hash_table_replace(c->map, g_string_chunk_insert_len(c->expanded, o, (gssize)olen + 1), e);
        }
        g_free(o);
        g_free(t);
    }
}

/* The catalogue at path, or NULL when it cannot be read or is no .mo file. */
static catalogue_t *catalogue_read(const char *path)
{
    GMappedFile *f = g_mapped_file_new(path, FALSE, NULL);
    if (!f)
        return NULL;
    mo_t mo = {(const guint8 *)g_mapped_file_get_contents(f), g_mapped_file_get_length(f), false};
    guint32 magic, rev, n, orig, trans;
    if (word(&mo, 0, &magic) && magic == GUINT32_SWAP_LE_BE(0x950412deU))
        mo.swap = true;
    if (!word(&mo, 0, &magic) || magic != 0x950412deU || !word(&mo, 4, &rev) || rev >> 16 ||
        !word(&mo, 8, &n) || !word(&mo, 12, &orig) || !word(&mo, 16, &trans) || n > mo.size / 8) {
        g_mapped_file_unref(f);
        return NULL;
    }
    catalogue_t *c = g_new0(catalogue_t, 1);
    c->file = f;
    c->expanded = g_string_chunk_new(4096);
    c->map = g_hash_table_new(g_str_hash, g_str_equal);
    /* the hash table points into entries: room for all from the start */
    guint32 pieced = 0;
    if ((rev & 0xffff) && (!word(&mo, 36, &pieced) || pieced > mo.size / 4))
        pieced = 0;
    c->spare = pieced;
    c->entries = g_new0(entry_t, (gsize)n + pieced + 1);
    for (guint32 i = 0; i < n; i++) {
        const char *o, *t;
        guint32 olen, tlen;
        if (string_at(&mo, orig, i, &o, &olen) && string_at(&mo, trans, i, &t, &tlen) && *o) {
            c->entries[i] = (entry_t){t, tlen};
            g_hash_table_replace(c->map, (gpointer)o, &c->entries[i]);
        }
    }
    if (rev & 0xffff)
        add_pieced(c, &mo, n);
    return c;
}

static gpointer german_read(gpointer unused)
{
    (void)unused;
    char *path = g_build_filename(aidstat_catalogue_dir(), "de", "LC_MESSAGES", GETTEXT_PACKAGE ".mo", NULL);
    catalogue_t *c = catalogue_read(path);
    g_free(path);
    return c;
}

const char *aid_mo_german(const char *msgid, bool plural, unsigned long n)
{
    static GOnce once = G_ONCE_INIT;
    catalogue_t *c = g_once(&once, german_read, NULL);
    const entry_t *e = c ? g_hash_table_lookup(c->map, msgid) : NULL;
    if (!e || !e->len)
        return NULL;
    /* German has two forms: one, and any other number */
    if (!plural || n == 1)
        return e->text;
    size_t first = strlen(e->text);
    return first < e->len ? e->text + first + 1 : NULL;
}
