/* Load reports: every row read is counted as used, skipped or rejected
 * with a reason, so no row disappears without a trace. */
#include "config.h"
#include "data/intl.h"
#include "data/tally.h"
#include "data/country.h"
#include "data/error.h"
#include "data/intern.h"
#include "data/period.h"

#include <glib.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

/* How one donor name with one code, as written in the file, was read. */
typedef struct ident {
    char *donor, *code;           /* as written */
    const aid_country_t *country; /* NULL: not in the country table */
    const aid_country_t *by_code; /* the country the code names, if any */
    bool conflict;                /* name and code name different countries */
    uint64_t rows;                /* 0 until a row is used: then 1 */
    struct ident *next;           /* same name, another code */
} ident_t;

typedef struct {
    char *reason;
    char *shown; /* reason in the user's language, made when first asked for */
    char *example;
    uint64_t count;
    long lines[AID_TALLY_LINES];
    size_t nlines;
} reason_t;

struct aidstat_load_report {
    char *file, *format, *description;
    uint64_t read, used, rejected, skipped, records, zeros;
    uint64_t per_measure[AIDSTAT_MEASURE_COUNT];
    GPtrArray *reasons;       /* reason_t*, in order of first appearance */
    GHashTable *reason_index; /* reason -> index + 1 */
    GPtrArray *notes;
    GPtrArray *marked; /* the notes with their options marked (AID_OPT) */
    GPtrArray *caveats;
    aid_intern_t currencies;
    const char *last_currency;
    aid_intern_t donors;
    int first, last; /* period keys */
    bool by_month;   /* a record gives its month: else the period is years */
    char *source, *release;
    aid_intern_t recipients;
    const char *last_recipient;
    char *encoding, *encoding_how;
    aidstat_progress_fn progress;
    void *progress_user;
    aidstat_dataset_role_t role;
    aid_intern_t written;       /* donor names as written */
    struct ident *recent[1024]; /* direct-mapped by the code or the name's first bytes */
    GPtrArray *idents;          /* per written name's id: ident_t list (one per code) */
    GPtrArray *ident_order;     /* ident_t*, in order of first appearance */
};

static void reason_free(gpointer p)
{
    reason_t *r = p;
    g_free(r->reason);
    g_free(r->shown);
    g_free(r->example);
    g_free(r);
}

void aidstat_load_report_set_progress(aidstat_load_report_t *r, aidstat_progress_fn fn, void *user)
{
    if (!r)
        return;
    r->progress = fn;
    r->progress_user = user;
}

aidstat_progress_fn aid_tally_progress(const aidstat_load_report_t *r, void **user)
{
    *user = r ? r->progress_user : NULL;
    return r ? r->progress : NULL;
}

aidstat_load_report_t *aidstat_load_report_new(void)
{
    aidstat_load_report_t *r = g_new0(aidstat_load_report_t, 1);
    r->reasons = g_ptr_array_new_with_free_func(reason_free);
    r->reason_index = g_hash_table_new(g_str_hash, g_str_equal);
    r->notes = g_ptr_array_new_with_free_func(g_free);
    r->marked = g_ptr_array_new_with_free_func(g_free);
    r->caveats = g_ptr_array_new_with_free_func(g_free);
    aid_intern_init(&r->currencies);
    aid_intern_init(&r->donors);
    aid_intern_init(&r->recipients);
    aid_intern_init(&r->written);
    r->idents = g_ptr_array_new();
    r->ident_order = g_ptr_array_new();
    return r;
}

static void ident_free(gpointer p)
{
    ident_t *x = p;
    g_free(x->donor);
    g_free(x->code);
    g_free(x);
}

void aidstat_load_report_free(aidstat_load_report_t *r)
{
    if (!r)
        return;
    g_free(r->file);
    g_free(r->format);
    g_free(r->description);
    g_free(r->source);
    g_free(r->release);
    g_hash_table_destroy(r->reason_index);
    g_ptr_array_free(r->reasons, TRUE);
    g_ptr_array_free(r->notes, TRUE);
    g_ptr_array_free(r->marked, TRUE);
    g_ptr_array_free(r->caveats, TRUE);
    aid_intern_clear(&r->currencies);
    aid_intern_clear(&r->donors);
    aid_intern_clear(&r->recipients);
    aid_intern_clear(&r->written);
    g_ptr_array_free(r->idents, TRUE);
    g_ptr_array_set_free_func(r->ident_order, ident_free);
    g_ptr_array_free(r->ident_order, TRUE);
    g_free(r->encoding);
    g_free(r->encoding_how);
    g_free(r);
}

void aid_tally_begin(aidstat_load_report_t *r, const char *file, const char *format, const char *description)
{
    g_free(r->file);
    g_free(r->format);
    g_free(r->description);
    r->file = g_strdup(file);
    r->format = g_strdup(format);
    /* xgettext: aid_tally_begin:4 (a label: German only when names are,
     * so that machine outputs keep it English) */
    r->description = g_strdup(description && *description ? L_(description) : description);
}

void aid_tally_role(aidstat_load_report_t *r, aidstat_dataset_role_t role)
{
    r->role = role;
}

aidstat_dataset_role_t aidstat_load_report_role(const aidstat_load_report_t *r)
{
    return r->role;
}

/* English through the API; marked for the catalogue, where messages and
 * check look them up (_()) */
const char *aidstat_dataset_role_name(aidstat_dataset_role_t role)
{
    static const char *const names[AIDSTAT_DATASET_COUNT] = {
        [AIDSTAT_DATASET_RECORDS] = N_("record-level aid"),
        [AIDSTAT_DATASET_AGGREGATE] = N_("an aggregate over donors"),
        [AIDSTAT_DATASET_KEY] = N_("an attribution key"),
        [AIDSTAT_DATASET_INVENTORY] = N_("an inventory"),
        [AIDSTAT_DATASET_SPLIT] = N_("a sourcing split"),
        [AIDSTAT_DATASET_REFERENCE] = N_("a reference table"),
    };
    return (unsigned)role < AIDSTAT_DATASET_COUNT ? names[role] : "";
}

const char *aidstat_dataset_role_usage(aidstat_dataset_role_t role)
{
    static const char *const usage[AIDSTAT_DATASET_COUNT] = {
        [AIDSTAT_DATASET_RECORDS] = N_("the figures to compare; add only other record-level files "
                                       "that do not hold the same records"),
        [AIDSTAT_DATASET_AGGREGATE] = N_("the sum of the record-level data over all donors: load it "
                                         "on its own for totals"),
        [AIDSTAT_DATASET_KEY] = N_("shares of aid given through others (each member's part of "
                                   "EU-level aid), not aid of its own: load it on its own, never "
                                   "added to the record-level data"),
        [AIDSTAT_DATASET_INVENTORY] = N_("items delivered with their value, part of the military aid "
                                         "in the record-level data, not in addition to it: load it "
                                         "on its own"),
        [AIDSTAT_DATASET_SPLIT] = N_("military aid of all donors split by how it was sourced: load "
                                     "it on its own"),
        [AIDSTAT_DATASET_REFERENCE] = N_("no aid records: nothing to add"),
    };
    return (unsigned)role < AIDSTAT_DATASET_COUNT ? usage[role] : "";
}

void aid_tally_row(aidstat_load_report_t *r)
{
    r->read++;
}

void aid_tally_used(aidstat_load_report_t *r)
{
    r->used++;
}

void aid_tally_skipped(aidstat_load_report_t *r)
{
    r->skipped++;
}

void aid_tally_zeros(aidstat_load_report_t *r, uint64_t n)
{
    r->zeros += n;
}

uint64_t aidstat_load_report_zero_cells(const aidstat_load_report_t *r)
{
    return r->zeros;
}

char *aid_tally_clip(const char *s, size_t max)
{
    size_t n = strnlen(s, max + 1);
    if (n > max)
        while (max > 0 && ((unsigned char)s[max] & 0xC0) == 0x80)
            max--; /* not inside a UTF-8 sequence */
    /* quoted text reaches terminals and PDFs: invalid bytes become U+FFFD */
    char *t = g_utf8_make_valid(s, (gssize)MIN(n, max));
    if (n <= max)
        return t;
    char *u = g_strconcat(t, "…", NULL);
    g_free(t);
    return u;
}

/* A reason the loaders write with a number in it (load.c, sipri.c), in
 * the user's language; NULL for another. Each form is matched whole. */
static char *numbered_reason(const char *why)
{
    unsigned u;
    size_t z;
    long l;
    int end = -1;
    size_t n = strlen(why);
    if (sscanf(why, "control character U+%4X inside the field%n", &u, &end) == 1 && (size_t)end == n)
        return g_strdup_printf(_("control character U+%04X inside the field"), u);
    end = -1;
    if (sscanf(why, "wrong number of fields (the header has %zu)%n", &z, &end) == 1 && (size_t)end == n)
        return g_strdup_printf(_("wrong number of fields (the header has %zu)"), z);
    end = -1;
    if (sscanf(why, "recipient repeated (its first row is line %ld)%n", &l, &end) == 1 && (size_t)end == n)
        return g_strdup_printf(_("recipient repeated (its first row is line %ld)"), l);
    return NULL;
}

/* A reason is stored in English, the key that merges reports, and shown
 * in the user's language (xgettext: reject, aid_tally_reject): as a whole,
 * or as a reason followed by the column the loaders name,
 * 'why (column "NAME")'. */
static char *reason_shown(const char *reason)
{
    const char *t = _(reason);
    if (t != reason)
        return g_strdup(t);
    char *numbered = numbered_reason(reason);
    if (numbered)
        return numbered;
    const char *col = strstr(reason, " (column \"");
    size_t n = strlen(reason);
    if (!col || n < 2 || strcmp(reason + n - 2, "\")"))
        return g_strdup(reason);
    char *why = g_strndup(reason, (gsize)(col - reason));
    const char *name = col + strlen(" (column \"");
    char *column = g_strndup(name, (gsize)(reason + n - 2 - name));
    /* TRANSLATORS: why a row was rejected, then the column it names */
    char *own = numbered_reason(why);
    char *shown = g_strdup_printf(_("%s (column \"%s\")"), own ? own : _(why), column);
    g_free(own);
    g_free(why);
    g_free(column);
    return shown;
}

void aid_tally_reject(aidstat_load_report_t *r, long line, const char *reason, const char *example)
{
    r->rejected++;
    gpointer v = g_hash_table_lookup(r->reason_index, reason);
    reason_t *x;
    if (v) {
        x = g_ptr_array_index(r->reasons, GPOINTER_TO_UINT(v) - 1);
    } else {
        x = g_new0(reason_t, 1);
        x->reason = g_strdup(reason);
        /* a 10 MB cell is quoted by its first few words */
        x->example = aid_tally_clip(example ? example : "", 80);
        g_ptr_array_add(r->reasons, x);
        g_hash_table_insert(r->reason_index, x->reason, GUINT_TO_POINTER(r->reasons->len));
    }
    x->count++;
    if (x->nlines < AID_TALLY_LINES)
        x->lines[x->nlines++] = line;
}

void aid_tally_record(aidstat_load_report_t *r, const aidstat_record_t *rec)
{
    r->records++;
    r->per_measure[rec->measure]++;
    if (!r->last_recipient || strcmp(r->last_recipient, rec->recipient) != 0)
        r->last_recipient = aid_intern_str(&r->recipients, aid_intern(&r->recipients, rec->recipient));
    if (!r->last_currency || strcmp(r->last_currency, rec->currency) != 0)
        r->last_currency = aid_intern_str(&r->currencies, aid_intern(&r->currencies, rec->currency));
    if (rec->year > 0) {
        int lo = aid_period_key(rec->year, aid_record_month_first(rec));
        int hi = aid_period_key(rec->year, aid_record_month_last(rec));
        if (!r->first || lo < r->first)
            r->first = lo;
        if (hi > r->last)
            r->last = hi;
        r->by_month = r->by_month || rec->month;
    }
    if (!r->source && rec->source && rec->source[0])
        r->source = g_strdup(rec->source);
    if (!r->release && rec->release && rec->release[0])
        r->release = g_strdup(rec->release);
}

void aid_tally_provenance(aidstat_load_report_t *r, const char *source, const char *release)
{
    if (!r->source && source && source[0])
        r->source = g_strdup(source);
    if (!r->release && release && release[0])
        r->release = g_strdup(release);
}

void aid_tally_note(aidstat_load_report_t *r, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    char *m = g_strdup_vprintf(_(fmt), ap); /* xgettext: aid_tally_note */
    va_end(ap);
    g_ptr_array_add(r->notes, aid_text_neutral(m));
    g_ptr_array_add(r->marked, m);
}

void aid_tally_note_n(aidstat_load_report_t *r, const char *one, const char *many, unsigned long n, ...)
{
    va_list ap;
    va_start(ap, n);
    char *m = g_strdup_vprintf(P_(one, many, n), ap); /* xgettext: aid_tally_note_n:2,3 */
    va_end(ap);
    g_ptr_array_add(r->notes, aid_text_neutral(m));
    g_ptr_array_add(r->marked, m);
}

void aid_tally_caveat(aidstat_load_report_t *r, const char *text)
{
    /* xgettext: aid_tally_caveat:2; a caveat becomes a result's note, so
     * it follows the language of names as notes do (English for machines) */
    text = L_(text);
    g_ptr_array_add(r->notes, g_strdup(text));
    g_ptr_array_add(r->marked, g_strdup(text));
    g_ptr_array_add(r->caveats, g_strdup(text));
}

size_t aidstat_load_report_caveat_count(const aidstat_load_report_t *r)
{
    return r->caveats->len;
}

const char *aidstat_load_report_caveat(const aidstat_load_report_t *r, size_t i)
{
    return g_ptr_array_index(r->caveats, i);
}

size_t aidstat_load_report_currency_count(const aidstat_load_report_t *r)
{
    return aid_intern_count(&r->currencies);
}

const char *aidstat_load_report_currency(const aidstat_load_report_t *r, size_t i)
{
    return aid_intern_str(&r->currencies, (uint32_t)i);
}

const char *aidstat_load_report_format(const aidstat_load_report_t *r)
{
    return r->format ? r->format : "";
}

const char *aidstat_load_report_description(const aidstat_load_report_t *r)
{
    return r->description ? r->description : "";
}

const char *aidstat_load_report_file(const aidstat_load_report_t *r)
{
    return r->file ? r->file : "";
}

uint64_t aidstat_load_report_rows_read(const aidstat_load_report_t *r)
{
    return r->read;
}

uint64_t aidstat_load_report_rows_used(const aidstat_load_report_t *r)
{
    return r->used;
}

uint64_t aidstat_load_report_rows_rejected(const aidstat_load_report_t *r)
{
    return r->rejected;
}

uint64_t aidstat_load_report_rows_skipped(const aidstat_load_report_t *r)
{
    return r->skipped;
}

uint64_t aidstat_load_report_records(const aidstat_load_report_t *r)
{
    return r->records;
}

uint64_t aidstat_load_report_measure_records(const aidstat_load_report_t *r, aidstat_measure_t m)
{
    return (unsigned)m < AIDSTAT_MEASURE_COUNT ? r->per_measure[m] : 0;
}

static gint by_count(gconstpointer a, gconstpointer b)
{
    const reason_t *x = *(reason_t *const *)a, *y = *(reason_t *const *)b;
    if (x->count != y->count)
        return x->count > y->count ? -1 : 1;
    return x->lines[0] < y->lines[0] ? -1 : x->lines[0] > y->lines[0];
}

/* Reasons are kept in order of first appearance and sorted, most frequent
 * first, when asked for; the index is rebuilt so later rejects still find
 * theirs. */
static void sort_reasons(const aidstat_load_report_t *r)
{
    g_ptr_array_sort(r->reasons, by_count);
    for (guint i = 0; i < r->reasons->len; i++) {
        reason_t *x = g_ptr_array_index(r->reasons, i);
        g_hash_table_insert(r->reason_index, x->reason, GUINT_TO_POINTER(i + 1));
    }
}

size_t aidstat_load_report_reason_count(const aidstat_load_report_t *r)
{
    sort_reasons(r);
    return r->reasons->len;
}

const char *aidstat_load_report_reason(const aidstat_load_report_t *r, size_t i, uint64_t *count, long *lines,
                                       size_t max_lines, size_t *nlines)
{
    sort_reasons(r);
    reason_t *x = g_ptr_array_index(r->reasons, i);
    if (count)
        *count = x->count;
    size_t k = 0;
    for (; lines && k < max_lines && k < x->nlines; k++)
        lines[k] = x->lines[k];
    if (nlines)
        *nlines = k;
    if (!x->shown)
        x->shown = reason_shown(x->reason);
    return x->shown;
}

const char *aidstat_load_report_reason_example(const aidstat_load_report_t *r, size_t i)
{
    sort_reasons(r);
    return ((reason_t *)g_ptr_array_index(r->reasons, i))->example;
}

size_t aidstat_load_report_note_count(const aidstat_load_report_t *r)
{
    return r->notes->len;
}

const char *aidstat_load_report_note(const aidstat_load_report_t *r, size_t i)
{
    return g_ptr_array_index(r->notes, i);
}

const char *aidstat_load_report_note_marked(const aidstat_load_report_t *r, size_t i)
{
    return g_ptr_array_index(r->marked, i);
}

void aidstat_load_report_period(const aidstat_load_report_t *r, int *y0, int *m0, int *y1, int *m1)
{
    *y0 = r->first / 100;
    *m0 = r->first % 100;
    *y1 = r->last / 100;
    *m1 = r->last % 100;
    if (!r->by_month) /* data by year (SIPRI's): "1940 – 2024", not "Jan 1940 – Dec 2024" */
        *m0 = *m1 = 0;
}

size_t aidstat_load_report_donor_count(const aidstat_load_report_t *r)
{
    return aid_intern_count(&r->donors);
}

const char *aidstat_load_report_donor(const aidstat_load_report_t *r, size_t i)
{
    return aid_intern_str(&r->donors, (uint32_t)i);
}

const char *aidstat_load_report_source(const aidstat_load_report_t *r)
{
    return r->source ? r->source : "";
}

const char *aidstat_load_report_release(const aidstat_load_report_t *r)
{
    return r->release ? r->release : "";
}

void aid_tally_encoding(aidstat_load_report_t *r, const char *encoding, const char *how)
{
    g_free(r->encoding);
    g_free(r->encoding_how);
    r->encoding = g_strdup(encoding);
    r->encoding_how = g_strdup(how);
}

const char *aidstat_load_report_encoding(const aidstat_load_report_t *r, const char **how)
{
    if (how)
        *how = r->encoding_how ? r->encoding_how : "default";
    return r->encoding ? r->encoding : "UTF-8";
}

size_t aidstat_load_report_recipient_count(const aidstat_load_report_t *r)
{
    return aid_intern_count(&r->recipients);
}

const char *aidstat_load_report_recipient(const aidstat_load_report_t *r, size_t i)
{
    return aid_intern_str(&r->recipients, (uint32_t)i);
}

/* Identity: each distinct (name, code) pair is looked up in the country
 * table once; a row finds its pair through the interned name (the cached
 * interner that used to list the donors, so the lookup costs a row next
 * to nothing). */
/* Codes are a few bytes: cheaper compared here than through strcmp. */
static inline bool same(const char *a, const char *b)
{
    while (*a && *a == *b)
        a++, b++;
    return *a == *b;
}

static ident_t *new_ident(aidstat_load_report_t *r, uint32_t id, ident_t *head, const char *donor,
                          const char *code);

static ident_t *identify(aidstat_load_report_t *r, const char *donor, const char *code)
{
    /* the slot from the code when there is one (three bytes), else from
     * the name's first eight bytes: cheap, and enough to tell donors apart */
    const char *k = code[0] ? code : donor;
    int n = code[0] ? 4 : 8;
    uint32_t h = 0;
    for (int i = 0; i < n && k[i]; i++)
        h = h * 31 + (unsigned char)k[i];
    ident_t **slot = &r->recent[(h ^ (h >> 10) ^ (h >> 20)) & 1023], *x = *slot;
    if (x && strcmp(x->donor, donor) == 0 && same(x->code, code))
        return x;
    uint32_t id = aid_intern(&r->written, donor);
    if (id >= r->idents->len)
        g_ptr_array_set_size(r->idents, (guint)id + 1);
    ident_t *head = g_ptr_array_index(r->idents, id);
    for (x = head; x; x = x->next)
        if (same(x->code, code))
            return *slot = x;
    return *slot = new_ident(r, id, head, donor, code);
}

static G_GNUC_NO_INLINE ident_t *new_ident(aidstat_load_report_t *r, uint32_t id, ident_t *head,
                                           const char *donor, const char *code)
{
    ident_t *x = g_new0(ident_t, 1);
    x->donor = g_strdup(donor);
    x->code = g_strdup(code);
    x->country = aid_country_by_name(donor);
    if (!x->country && strlen(donor) <= 3)
        x->country = aid_country_by_code(donor); /* a code in the name column */
    x->by_code = code[0] ? aid_country_by_code(code) : NULL;
    x->conflict = x->country && x->by_code && x->country != x->by_code;
    if (!x->country && !x->conflict)
        x->country = x->by_code; /* an unknown spelling with a known code */
    x->next = head;
    g_ptr_array_index(r->idents, id) = x;
    g_ptr_array_add(r->ident_order, x);
    return x;
}

static G_GNUC_NO_INLINE bool contradiction(const ident_t *x, char *example, size_t len)
{
    snprintf(example, len, "%s with %s: %s is %s, %s is %s", x->code, x->donor, x->code, x->by_code->name,
             x->donor, x->country->code);
    return false;
}

static G_GNUC_NO_INLINE void first_row(aidstat_load_report_t *r, ident_t *x, const char *donor)
{
    aid_intern(&r->donors, donor); /* the report's list of donors, as the records name them */
    x->rows = 1;
}

bool aid_tally_identify(aidstat_load_report_t *r, aidstat_record_t *rec, char *example, size_t len)
{
    ident_t *x = identify(r, rec->donor, rec->iso3 ? rec->iso3 : "");
    if (G_UNLIKELY(x->conflict))
        return contradiction(x, example, len);
    if (x->country) {
        rec->donor = x->country->name;
        rec->iso3 = x->country->code;
    }
    if (G_UNLIKELY(!x->rows))
        first_row(r, x, rec->donor);
    return true;
}

static void quoted_list(GString *s, GPtrArray *names)
{
    for (guint i = 0; i < names->len; i++)
        g_string_append_printf(s, "%s\"%s\"", i ? ", " : "", (char *)g_ptr_array_index(names, i));
}

static void note_list(aidstat_load_report_t *r, const char *intro, GString *items)
{
    if (items->len)
        aid_tally_note(r, "%s: %s", _(intro), items->str);
    g_string_free(items, TRUE);
}

void aid_tally_identity_notes(aidstat_load_report_t *r)
{
    GString *renamed = g_string_new(NULL), *unknown = g_string_new(NULL), *badcode = g_string_new(NULL),
            *merged = g_string_new(NULL), *shared = g_string_new(NULL);
    /* spellings per country, and names per unknown code, in file order */
    GHashTable *per =
        g_hash_table_new_full(g_direct_hash, g_direct_equal, NULL, (GDestroyNotify)g_ptr_array_unref);
    GHashTable *per_code =
        g_hash_table_new_full(g_str_hash, g_str_equal, NULL, (GDestroyNotify)g_ptr_array_unref);
    GPtrArray *order = g_ptr_array_new(), *code_order = g_ptr_array_new();
    GHashTable *said = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
    for (guint i = 0; i < r->ident_order->len; i++) {
        ident_t *x = g_ptr_array_index(r->ident_order, i);
        if (!x->rows)
            continue;
        if (x->code[0] && !x->by_code && !(x->country && !strcmp(x->code, x->country->code)))
            g_string_append_printf(badcode, "%s%s (%s)", badcode->len ? ", " : "", x->code, x->donor);
        if (!x->country) {
            if (g_hash_table_add(said,
                                 g_strconcat("?", x->donor, NULL))) /* a name with several codes: once */
                g_string_append_printf(unknown, "%s\"%s\"", unknown->len ? ", " : "", x->donor);
            if (x->code[0]) {
                GPtrArray *a = g_hash_table_lookup(per_code, x->code);
                if (!a) {
                    a = g_ptr_array_new();
                    g_hash_table_insert(per_code, x->code, a);
                    g_ptr_array_add(code_order, x->code);
                }
                g_ptr_array_add(a, x->donor);
            }
            continue;
        }
        /* the table's name in the language of names (German: Südkorea); a
         * name written as that one is no renaming to speak of */
        const char *shown = aid_lang_de() ? x->country->german : x->country->name;
        if (strcmp(x->donor, x->country->name) != 0 && strcmp(x->donor, shown) != 0) {
            char *item = g_strdup_printf("%s → %s (%s)", x->donor, shown, x->country->code);
            if (!g_hash_table_contains(said, item))
                g_string_append_printf(renamed, "%s%s", renamed->len ? ", " : "", item);
            g_hash_table_add(said, item);
        }
        GPtrArray *a = g_hash_table_lookup(per, x->country);
        if (!a) {
            a = g_ptr_array_new();
            g_hash_table_insert(per, (gpointer)x->country, a);
            g_ptr_array_add(order, (gpointer)x->country);
        }
        bool seen = false;
        for (guint k = 0; k < a->len && !seen; k++)
            seen = strcmp(g_ptr_array_index(a, k), x->donor) == 0;
        if (!seen)
            g_ptr_array_add(a, x->donor);
    }
    for (guint i = 0; i < order->len; i++) {
        const aid_country_t *c = g_ptr_array_index(order, i);
        GPtrArray *a = g_hash_table_lookup(per, c);
        if (a->len < 2)
            continue;
        g_string_append(merged, merged->len ? "; " : "");
        /* TRANSLATORS: a donor and its code, then the names it was written as */
        g_string_append_printf(merged, _("%s (%s) as "), aid_lang_de() ? c->german : c->name, c->code);
        quoted_list(merged, a);
    }
    for (guint i = 0; i < code_order->len; i++) {
        GPtrArray *a = g_hash_table_lookup(per_code, g_ptr_array_index(code_order, i));
        if (a->len < 2)
            continue;
        g_string_append(shared, shared->len ? "; " : "");
        /* TRANSLATORS: an unknown donor code, then the names it comes with */
        g_string_append_printf(shared, _("%s as "), (char *)g_ptr_array_index(code_order, i));
        quoted_list(shared, a);
    }
    note_list(r, N_("donor names read through the country table"), renamed);
    note_list(r, N_("one donor under several names, counted as one"), merged);
    note_list(r, N_("donor names not in the country table, kept as written"), unknown);
    note_list(r, N_("donor codes not in the country table"), badcode);
    note_list(r, N_("one unknown code under several names, kept apart"), shared);
    g_hash_table_destroy(per);
    g_hash_table_destroy(per_code);
    g_hash_table_destroy(said);
    g_ptr_array_free(order, TRUE);
    g_ptr_array_free(code_order, TRUE);
}
