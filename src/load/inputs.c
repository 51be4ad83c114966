/* Files loaded together: what would count aid twice is refused here, once
 * for every door (the CLI's commands, reports, the C API). A file given
 * twice, two files holding the same record, and different views of the
 * same aid (a record-level file with its sum over donors, an attribution
 * key, an inventory or a sourcing split) never add up. */
#include "config.h"
#include "aidstat.h"
#include "data/error.h"
#include "data/intl.h"

#include <errno.h>
#include <glib.h>
#include <glib/gstdio.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

typedef struct {
    char *path;
    dev_t dev;
    ino_t ino;
    goffset size;
    bool stat_ok;
    char *sha256; /* computed when another file has the same size */
} file_id_t;

typedef struct {
    char *file;
    aidstat_dataset_role_t role;
    uint64_t records;
} loaded_t;

typedef struct {
    guint file; /* index into names */
    long line;
    const char *source, *release; /* interned in strings */
} seen_t;

struct aidstat_inputs {
    aidstat_record_fn fn;
    void *user;
    bool allow_overlap;
    GPtrArray *ids;   /* file_id_t*, one per added file */
    GPtrArray *names; /* char*: each file's name as its records give it */
    /* record identity (source and release aside) -> seen_t*: with the
     * source for sourced records, without it for unsourced ones (which may
     * come from any source), and without it for all */
    GHashTable *sourced, *unsourced, *any;
    GHashTable *strings; /* sources and releases, interned */
    GString *key;        /* scratch */
    GPtrArray *loaded;   /* loaded_t*, one per report */
    GPtrArray *detail;   /* char* */
    bool clash;          /* two files held the same record */
    char *clash_text, *clash_file;
    long clash_line;
    bool overlap_refused;
};

static void file_id_free(gpointer p)
{
    file_id_t *f = p;
    g_free(f->path);
    g_free(f->sha256);
    g_free(f);
}

static void loaded_free(gpointer p)
{
    loaded_t *l = p;
    g_free(l->file);
    g_free(l);
}

aidstat_inputs_t *aidstat_inputs_new(aidstat_record_fn fn, void *user, bool allow_overlap)
{
    aidstat_inputs_t *in = g_new0(aidstat_inputs_t, 1);
    in->fn = fn;
    in->user = user;
    in->allow_overlap = allow_overlap;
    in->ids = g_ptr_array_new_with_free_func(file_id_free);
    in->names = g_ptr_array_new_with_free_func(g_free);
    in->sourced = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, g_free);
    in->unsourced = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, g_free);
    in->any = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, g_free);
    in->key = g_string_new(NULL);
    in->strings = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
    in->loaded = g_ptr_array_new_with_free_func(loaded_free);
    in->detail = g_ptr_array_new_with_free_func(g_free);
    return in;
}

void aidstat_inputs_free(aidstat_inputs_t *in)
{
    if (!in)
        return;
    g_ptr_array_free(in->ids, TRUE);
    g_ptr_array_free(in->names, TRUE);
    g_hash_table_destroy(in->sourced);
    g_hash_table_destroy(in->unsourced);
    g_hash_table_destroy(in->any);
    g_hash_table_destroy(in->strings);
    g_string_free(in->key, TRUE);
    g_ptr_array_free(in->loaded, TRUE);
    g_ptr_array_free(in->detail, TRUE);
    g_free(in->clash_text);
    g_free(in->clash_file);
    g_free(in);
}

/* The file's SHA-256, or NULL when it cannot be read. */
static char *file_sha256(const char *path)
{
    FILE *fp = fopen(path, "rb");
    if (!fp)
        return NULL;
    GChecksum *ck = g_checksum_new(G_CHECKSUM_SHA256);
    guchar buf[65536];
    size_t n;
    while ((n = fread(buf, 1, sizeof buf, fp)) > 0)
        g_checksum_update(ck, buf, n);
    bool bad = ferror(fp) != 0;
    fclose(fp);
    char *hex = bad ? NULL : g_strdup(g_checksum_get_string(ck));
    g_checksum_free(ck);
    return hex;
}

static const char *sha_of(file_id_t *f)
{
    if (!f->sha256)
        f->sha256 = file_sha256(f->path);
    return f->sha256;
}

aidstat_status_t aidstat_inputs_add_file(aidstat_inputs_t *in, const char *path, aidstat_error_t *err)
{
    file_id_t *f = g_new0(file_id_t, 1);
    f->path = g_strdup(path);
    GStatBuf sb;
    f->stat_ok = strcmp(path, "-") != 0 && g_stat(path, &sb) == 0 && S_ISREG(sb.st_mode);
    if (f->stat_ok) {
        f->dev = sb.st_dev;
        f->ino = sb.st_ino;
        f->size = (goffset)sb.st_size;
    }
    aidstat_status_t st = AIDSTAT_OK;
    for (guint i = 0; i < in->ids->len && f->stat_ok && st == AIDSTAT_OK && !in->allow_overlap; i++) {
        file_id_t *g = g_ptr_array_index(in->ids, i);
        if (!g->stat_ok || g->size != f->size)
            continue;
        if (g->dev == f->dev && g->ino == f->ino) {
            in->overlap_refused = true;
            st = aid_error_set(err, AIDSTAT_ERR_INPUT, path, 0, 0,
                               "the same file as %s, given twice: its records would count twice", g->path);
        } else if (sha_of(g) && sha_of(f) && strcmp(g->sha256, f->sha256) == 0) {
            in->overlap_refused = true;
            st = aid_error_set(err, AIDSTAT_ERR_INPUT, path, 0, 0,
                               "the same bytes as %s (SHA-256 %.12s…): one file given twice, "
                               "its records would count twice",
                               g->path, f->sha256);
        }
    }
    g_ptr_array_add(in->ids, f);
    return st;
}

/* The record's identity: who gave what to whom, when, by which measure.
 * Its source and release are kept beside it: two releases of one source
 * hold the same aid, and a file that states no source may hold anyone's. */
static void record_key(GString *k, const aidstat_record_t *r)
{
    g_string_truncate(k, 0);
    g_string_append_printf(k, "%s\x1f%s\x1f%s\x1f%d-%d-%d\x1f%d\x1f%d", r->donor, r->iso3, r->recipient,
                           r->year, r->month, r->day, (int)r->type, (int)r->measure);
}

static const char *str_intern(aidstat_inputs_t *in, const char *str)
{
    char *have = g_hash_table_lookup(in->strings, str);
    if (!have) {
        have = g_strdup(str);
        g_hash_table_add(in->strings, have);
    }
    return have;
}

/* Remember the record under key k in table t, unless a record is there. */
static void remember(aidstat_inputs_t *in, GHashTable *t, const char *k, guint file,
                     const aidstat_record_t *rec)
{
    if (g_hash_table_contains(t, k))
        return;
    seen_t *s = g_new(seen_t, 1);
    s->file = file;
    s->line = rec->line;
    s->source = str_intern(in, rec->source);
    s->release = str_intern(in, rec->release);
    g_hash_table_insert(t, g_strdup(k), s);
}

static void note_clash(aidstat_inputs_t *in, const seen_t *was, const aidstat_record_t *r)
{
    char period[32];
    if (r->year > 0)
        aidstat_period_format(r->year, r->month, period, sizeof period);
    else
        snprintf(period, sizeof period, "%s", _("no date"));
    in->clash = true;
    in->clash_file = g_strdup(r->file ? r->file : "");
    in->clash_line = r->line;
    const char *other = g_ptr_array_index(in->names, was->file);
    if (r->source[0] && strcmp(was->source, r->source) == 0 && strcmp(was->release, r->release) != 0)
        in->clash_text = g_strdup_printf(
            _("the same record as %s:%ld (%s, %s, %s %s) in another release of %s (%s, there %s): "
              "two releases hold the same aid, and adding them would count it twice"),
            other, was->line, r->donor, period, aidstat_type_name(r->type), aidstat_measure_name(r->measure),
            r->source, r->release[0] ? r->release : _("release not stated"),
            was->release[0] ? was->release : _("release not stated"));
    else
        in->clash_text = g_strdup_printf(
            _("the same record as %s:%ld (%s, %s, %s %s%s%s): the two files overlap, and adding "
              "them would count it twice"),
            other, was->line, r->donor, period, aidstat_type_name(r->type), aidstat_measure_name(r->measure),
            r->source[0] || r->release[0] ? "; " : "", r->release[0] ? r->release : r->source);
}

int aidstat_inputs_record(const aidstat_record_t *rec, void *inputs)
{
    aidstat_inputs_t *in = inputs;
    /* the file being loaded: the one after those whose reports came */
    guint file = in->loaded->len;
    while (in->names->len <= file)
        g_ptr_array_add(in->names, g_strdup(rec->file ? rec->file : ""));
    if (!in->allow_overlap && !in->clash) {
        record_key(in->key, rec);
        size_t base = in->key->len;
        const seen_t *was = NULL;
        if (rec->source[0]) {
            was = g_hash_table_lookup(in->unsourced, in->key->str);
            if (!was || was->file == file) {
                g_string_append_printf(in->key, "\x1f%s", rec->source);
                was = g_hash_table_lookup(in->sourced, in->key->str);
                remember(in, in->sourced, in->key->str, file, rec);
                g_string_truncate(in->key, base);
            }
        } else {
            was = g_hash_table_lookup(in->any, in->key->str);
            remember(in, in->unsourced, in->key->str, file, rec);
        }
        if (was && was->file != file) {
            note_clash(in, was, rec);
            /* one clash is enough to refuse */
            g_hash_table_remove_all(in->sourced);
            g_hash_table_remove_all(in->unsourced);
            g_hash_table_remove_all(in->any);
        } else {
            remember(in, in->any, in->key->str, file, rec);
        }
    }
    return in->fn(rec, in->user);
}

void aidstat_inputs_add_report(aidstat_inputs_t *in, const aidstat_load_report_t *r)
{
    loaded_t *l = g_new0(loaded_t, 1);
    l->file = g_strdup(aidstat_load_report_file(r));
    l->role = aidstat_load_report_role(r);
    l->records = aidstat_load_report_records(r);
    g_ptr_array_add(in->loaded, l);
}

aidstat_status_t aidstat_inputs_finish(aidstat_inputs_t *in, aidstat_error_t *err)
{
    g_ptr_array_set_size(in->detail, 0);
    guint with_records = 0;
    bool other_view = false;
    for (guint i = 0; i < in->loaded->len; i++) {
        loaded_t *l = g_ptr_array_index(in->loaded, i);
        if (l->records) {
            with_records++;
            other_view |= l->role != AIDSTAT_DATASET_RECORDS;
        }
    }
    if (with_records > 1 && other_view) {
        GString *m = g_string_new(NULL);
        for (guint i = 0; i < in->loaded->len; i++) {
            loaded_t *l = g_ptr_array_index(in->loaded, i);
            char *base = g_path_get_basename(l->file);
            g_string_append_printf(m, "%s%s (%s)", i ? ", " : "", base,
                                   _(aidstat_dataset_role_name(l->role)));
            g_free(base);
            g_ptr_array_add(in->detail,
                            g_strdup_printf("%s: %s: %s", l->file, _(aidstat_dataset_role_name(l->role)),
                                            _(aidstat_dataset_role_usage(l->role))));
        }
        aid_error_set(err, AIDSTAT_ERR_INPUT, NULL, 0, 0,
                      "these files are different views of aid and cannot be added up: %s; "
                      "load the record-level data on its own, and each other view on its own",
                      m->str);
        g_string_free(m, TRUE);
        return AIDSTAT_ERR_INPUT;
    }
    if (in->clash) {
        in->overlap_refused = true;
        return aid_error_set(err, AIDSTAT_ERR_INPUT, in->clash_file, in->clash_line, 0, "%s", in->clash_text);
    }
    return AIDSTAT_OK;
}

size_t aidstat_inputs_detail_count(const aidstat_inputs_t *in)
{
    return in->detail->len;
}

const char *aidstat_inputs_detail(const aidstat_inputs_t *in, size_t i)
{
    return i < in->detail->len ? g_ptr_array_index(in->detail, i) : "";
}

bool aidstat_inputs_overlap_refused(const aidstat_inputs_t *in)
{
    return in->overlap_refused;
}
