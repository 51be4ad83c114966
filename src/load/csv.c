/* CSV rows with positions, on libcsv. */
#include "config.h"
#include "load/csv.h"
#include "load/encoding.h"
#include "data/error.h"

#include <csv.h>
#include <errno.h>
#include <pthread.h>
#include <sys/stat.h>
#include <glib.h>
#include <string.h>

/* Two-thread reading: a reader thread reads, decodes and splits blocks
 * into batches of rows; the calling thread gives each row to the callback
 * in file order, so the callback sees exactly what a one-thread read gives
 * it. A batch owns the block its quote-free rows point into and copies of
 * the rows libcsv assembled. */
enum { CSV_BATCHES = 4 }; /* at most this many blocks in memory */

typedef struct {
    long line;
    size_t first, nf; /* fields[first .. first + nf) */
    bool suspect, trimmed;
} csv_row_t;

typedef struct {
    char *block;  /* block_size bytes read from the input */
    char *text;   /* a block converted from another encoding */
    size_t tcap;
    GStringChunk *copies; /* the fields of rows libcsv assembled */
    csv_row_t *rows;
    size_t nrows, rcap;
    char **fields;
    size_t *lens;
    size_t nfields, fcap;
    uint64_t progress; /* bytes read, for the progress callback; 0 for none */
    bool end;          /* the reader's last batch */
} csv_batch_t;

struct aid_csv {
    char *name;
    char delimiter;
    bool fast;          /* split quote-free lines directly (see feed) */
    char *encoding;     /* as given; NULL = detect */
    aid_decoder_t *dec; /* of the last read */
    struct csv_parser parser;
    /* the row being assembled: field bytes back to back, NUL-separated */
    char *buf;
    size_t len, cap;
    size_t *off, *lens; /* per field */
    char **fields;
    size_t nf, fcap;
    long line;       /* physical line being fed, 1-based */
    long row_line;   /* line the current row started on */
    bool too_big;    /* the row passed AID_CSV_MAX_ROW bytes */
    bool too_wide;   /* the row passed AID_CSV_MAX_FIELDS fields */
    long limit_line; /* the line being read when a limit was passed */
    /* whether the row given out may hold what a closer look must find: a
     * byte below 0x20 inside a field (NUL, a control character), or, in
     * this block or the one before, a lead byte of U+200B-U+2060 or U+FEFF */
    bool suspect;
    bool trimmed; /* the row given out has no blank or CR at either end of a field */
    bool row_ctl, wide, wide_prev;
    unsigned char stop_at[256];  /* fast_line ends a field's scan at these bytes */
    unsigned char blank_at[256]; /* and trims these around a field */
    /* the callback and its outcome */
    aid_csv_row_fn fn;
    void *user;
    bool stop;
    aidstat_progress_fn progress;
    void *progress_user;
    uint64_t progress_total;
    /* two-thread reading */
    int threads;          /* 0: two when the input is large; 1: one; 2: two */
    size_t block_size;    /* bytes read at a time; 0: 1 MiB on one thread, 256 KiB on two */
    csv_batch_t *batch;   /* the batch the reader fills, NULL reading on one thread */
    /* the hand-over, under mu (plain POSIX threads, whose locks thread
     * checkers see): batches for the calling thread in file order, and
     * batches given back */
    pthread_mutex_t mu;
    pthread_cond_t moved;
    csv_batch_t *full[CSV_BATCHES], *empty[CSV_BATCHES];
    size_t full_first, nfull, nempty;
    bool quit; /* the callback stopped the read */
};

aid_csv_t *aid_csv_new(const char *name, char delimiter)
{
    aid_csv_t *c = g_new0(aid_csv_t, 1);
    c->name = g_strdup(name);
    c->delimiter = delimiter;
    c->fast = true;
    /* AIDSTAT_THREADS=1 reads on one thread, 2 on two even for a small input */
    const char *t = g_getenv("AIDSTAT_THREADS");
    c->threads = t && (t[0] == '1' || t[0] == '2') && !t[1] ? t[0] - '0' : 0;
    return c;
}

void aid_csv_free(aid_csv_t *c)
{
    if (!c)
        return;
    g_free(c->name);
    g_free(c->encoding);
    aid_decoder_free(c->dec);
    g_free(c->buf);
    g_free(c->off);
    g_free(c->lens);
    g_free(c->fields);
    g_free(c);
}

void aid_csv_set_fast(aid_csv_t *c, bool fast)
{
    c->fast = fast;
}

void aid_csv_set_threads(aid_csv_t *c, int threads, size_t block_size)
{
    c->threads = threads;
    if (block_size)
        c->block_size = MAX(block_size, (size_t)1024); /* 4 × the decoder's look for a BOM */
}

void aid_csv_set_encoding(aid_csv_t *c, const char *encoding)
{
    g_free(c->encoding);
    c->encoding = g_strdup(encoding);
}

const aid_decoder_t *aid_csv_decoder(const aid_csv_t *c)
{
    return c->dec;
}

void aid_csv_set_progress(aid_csv_t *c, aidstat_progress_fn fn, void *user, uint64_t total)
{
    c->progress = fn;
    c->progress_user = user;
    c->progress_total = total;
}

const bool *aid_csv_suspect(const aid_csv_t *c)
{
    return &c->suspect;
}

const bool *aid_csv_trimmed(const aid_csv_t *c)
{
    return &c->trimmed;
}

char aid_csv_delimiter(const aid_csv_t *c)
{
    return c->delimiter;
}

char aid_csv_sniff(const char *buf, size_t len)
{
    size_t comma = 0, semi = 0, tab = 0;
    bool quoted = false;
    /* the first line with something on it (blank lines are no rows) */
    size_t start = 0;
    for (size_t i = 0; i < len; i++) {
        if (buf[i] == '\n')
            start = i + 1;
        else if (buf[i] != ' ' && buf[i] != '\t' && buf[i] != '\r')
            break;
    }
    for (size_t i = start; i < len; i++) {
        char ch = buf[i];
        if (ch == '"')
            quoted = !quoted;
        else if (!quoted && (ch == '\n' || ch == '\r'))
            break;
        else if (!quoted && ch == ',')
            comma++;
        else if (!quoted && ch == ';')
            semi++;
        else if (!quoted && ch == '\t')
            tab++;
    }
    if (tab > comma && tab >= semi)
        return '\t';
    if (semi > comma)
        return ';';
    return ',';
}

/* Grow the field arrays to hold field nf; false (and the read stops) when
 * the row has more fields than the limit. */
static bool fields_reserve(aid_csv_t *c, size_t nf)
{
    if (nf < c->fcap)
        return true;
    if (nf >= AID_CSV_MAX_FIELDS) {
        c->too_wide = true;
        c->stop = true;
        return false;
    }
    c->fcap = c->fcap ? c->fcap * 2 : 32;
    c->off = g_renew(size_t, c->off, c->fcap);
    c->lens = g_renew(size_t, c->lens, c->fcap);
    c->fields = g_renew(char *, c->fields, c->fcap + 1);
    return true;
}

/* Append a field to the row; false when the row grows past the limit. */
static bool add_field(aid_csv_t *c, const char *data, size_t len)
{
    if (c->len + len + 1 > AID_CSV_MAX_ROW) {
        c->limit_line = c->line;
        c->too_big = true;
        c->stop = true;
        return false;
    }
    if (!fields_reserve(c, c->nf))
        return false;
    if (c->len + len + 1 > c->cap) {
        c->cap = MAX(c->cap * 2, c->len + len + 1 + 256);
        c->buf = g_realloc(c->buf, c->cap);
    }
    if (len)
        memcpy(c->buf + c->len, data, len);
    for (size_t i = 0; i < len && !c->row_ctl; i++)
        c->row_ctl = (unsigned char)data[i] < 0x20;
    c->buf[c->len + len] = '\0';
    c->off[c->nf] = c->len;
    c->lens[c->nf] = len;
    c->nf++;
    c->len += len + 1;
    return true;
}

/* Reading on two threads, a row goes into the batch (its fields copied
 * when they are not in the block). */
static void batch_row(csv_batch_t *b, char **f, const size_t *lens, size_t nf, long line, bool suspect,
                      bool trimmed, bool copy)
{
    if (b->nrows == b->rcap) {
        b->rcap = b->rcap ? b->rcap * 2 : 1024;
        b->rows = g_renew(csv_row_t, b->rows, b->rcap);
    }
    if (b->nfields + nf > b->fcap) {
        b->fcap = MAX(b->fcap * 2, b->nfields + nf + 8192);
        b->fields = g_renew(char *, b->fields, b->fcap);
        b->lens = g_renew(size_t, b->lens, b->fcap);
    }
    csv_row_t *r = &b->rows[b->nrows++];
    r->line = line;
    r->first = b->nfields;
    r->nf = nf;
    r->suspect = suspect;
    r->trimmed = trimmed;
    char **to = b->fields + b->nfields;
    if (copy) {
        if (!b->copies)
            b->copies = g_string_chunk_new(4096);
        for (size_t i = 0; i < nf; i++)
            to[i] = g_string_chunk_insert_len(b->copies, f[i], (gssize)lens[i]);
    } else {
        memcpy(to, f, nf * sizeof *f);
    }
    memcpy(b->lens + b->nfields, lens, nf * sizeof *lens);
    b->nfields += nf;
}

/* A row is ready: give it to the callback, or put it in the batch. */
static inline void deliver(aid_csv_t *c, char **f, const size_t *lens, size_t nf, long line, bool suspect,
                           bool trimmed, bool copy)
{
    if (c->batch) {
        batch_row(c->batch, f, lens, nf, line, suspect, trimmed, copy);
        return;
    }
    c->suspect = suspect;
    c->trimmed = trimmed;
    if (c->fn(c->user, f, lens, nf, line))
        c->stop = true;
}

static void on_field(void *data, size_t len, void *user)
{
    aid_csv_t *c = user;
    if (!c->stop)
        add_field(c, data, len);
}

static void on_row(int term, void *user)
{
    aid_csv_t *c = user;
    (void)term;
    if (c->stop)
        return;
    for (size_t i = 0; i < c->nf; i++)
        c->fields[i] = c->buf + c->off[i];
    /* a quoted field keeps its blanks: not trimmed */
    deliver(c, c->fields, c->lens, c->nf, c->row_line, c->row_ctl || c->wide || c->wide_prev, false, true);
    c->row_ctl = false;
    c->len = 0;
    c->nf = 0;
}

/* A line with no quote and no stray CR means what it says: fields are the
 * text between delimiters, with surrounding blanks dropped as libcsv drops
 * them. Splitting it directly is four times cheaper than libcsv's
 * byte-by-byte state machine, which still reads every line that has a
 * quote (tests/unit/test-csv.c checks the two agree). */
static void fast_line(aid_csv_t *c, char *p, char *end)
{
    char delim = c->delimiter;
    const unsigned char *blank = c->blank_at;
    if (end > p && end[-1] == '\r')
        end--;
    const char *q = p;
    while (q < end && blank[(unsigned char)*q])
        q++;
    if (q == end)
        return; /* a blank line is no row, as in libcsv */
    c->row_line = c->line;
    size_t nf = 0;
    char *f = p;
    bool ctl = false;
    for (;;) {
        char *e = f;
        /* *end is the line's '\n' or '\r': below 0x20, it ends the scan
         * as a control character inside a field does */
        for (;;) {
            while (!c->stop_at[(unsigned char)*e])
                e++;
            if (e >= end || *e == delim)
                break;
            ctl = true;
            e++;
        }
        char *a = f, *b = e;
        while (a < b && blank[(unsigned char)*a])
            a++;
        while (b > a && blank[(unsigned char)b[-1]])
            b--;
        if (nf == c->fcap && !fields_reserve(c, nf)) {
            c->nf = nf; /* for the message's column */
            return;
        }
        *b = '\0'; /* over the delimiter, the line end, or a trailing blank */
        c->fields[nf] = a;
        c->lens[nf] = (size_t)(b - a);
        nf++;
        if (e == end)
            break;
        f = e + 1;
    }
    /* trimmed: blanks dropped above; a CR only ends a line here */
    deliver(c, c->fields, c->lens, nf, c->row_line, ctl || c->wide || c->wide_prev, true, false);
}

/* Feed one buffer, a physical line at a time. */
static void feed(aid_csv_t *c, char *buf, size_t len)
{
    char *p = buf, *end = buf + len;
    /* the next quote and CR at or after p: a line that ends before both
     * has neither (most files have none at all: one look per block) */
    char *quote = c->fast ? memchr(buf, '"', len) : NULL;
    char *cr = c->fast ? memchr(buf, '\r', len) : NULL;
    quote = quote ? quote : end;
    cr = cr ? cr : end;
    c->wide_prev = c->wide;
    c->wide = memchr(buf, 0xE2, len) || memchr(buf, 0xEF, len);
    while (p < end && !c->stop) {
        char *nl = memchr(p, '\n', (size_t)(end - p));
        char *stop = nl ? nl + 1 : end;
        /* libcsv's pstate 0 is "row not begun": a new row starts on this line */
        bool between = c->parser.pstate == 0 && c->nf == 0;
        bool plain = false;
        if (between && nl && c->fast) {
            if (quote < p && !(quote = memchr(p, '"', (size_t)(end - p))))
                quote = end;
            if (cr < p && !(cr = memchr(p, '\r', (size_t)(end - p))))
                cr = end;
            /* a CR may end the line, before its '\n' */
            plain = quote > nl && cr >= nl - (nl > p && nl[-1] == '\r');
        }
        if (plain) {
            fast_line(c, p, nl);
        } else {
            if (between)
                c->row_line = c->line;
            /* libcsv grows a field by blk_size (128 bytes) at a time: a 10 MB
             * field is then 80000 reallocations, quadratic where realloc
             * copies (ASan: minutes); growing by the field's size so far
             * makes it geometric */
            csv_set_blk_size(&c->parser, MAX((size_t)4096, c->parser.entry_size));
            csv_parse(&c->parser, p, (size_t)(stop - p), on_field, on_row, c);
            /* the field libcsv is still collecting counts too: a quote
             * that never closes, or a line that never ends (/dev/zero),
             * stops here, one block past the limit at most */
            if (!c->stop && c->len + c->parser.entry_pos >= AID_CSV_MAX_ROW) {
                c->limit_line = c->line;
                c->too_big = true;
                c->stop = true;
            }
        }
        if (nl)
            c->line++;
        p = stop;
    }
}

static aidstat_status_t limit_error(aid_csv_t *c, aidstat_error_t *err)
{
    if (c->too_wide)
        return aid_error_set(err, AIDSTAT_ERR_INPUT, c->name, c->row_line, (long)c->nf + 1,
                             "row has more than %u fields", AID_CSV_MAX_FIELDS);
    /* libcsv's pstate 2 with quoted set: inside a quoted field */
    if (c->parser.quoted && c->parser.pstate == 2)
        return aid_error_set(err, AIDSTAT_ERR_INPUT, c->name, c->row_line, (long)c->nf + 1,
                             "row is larger than %u MiB (its quoted field in this column is "
                             "still open at line %ld: a quote that is never closed?)",
                             AID_CSV_MAX_ROW >> 20, c->limit_line);
    return aid_error_set(err, AIDSTAT_ERR_INPUT, c->name, c->row_line, (long)c->nf + 1,
                         "row is larger than %u MiB", AID_CSV_MAX_ROW >> 20);
}

/* Bytes read at a time: 1 MiB on one thread; on two, 256 KiB (four
 * batches of rows in memory at most); never less than twice the bytes
 * given before the file. */
static size_t block_size(const aid_csv_t *c, size_t given, bool two)
{
    size_t b = c->block_size ? c->block_size : two ? 256u << 10 : 1u << 20;
    return MAX(b, 2 * given);
}

static void set_delimiter(aid_csv_t *c, const char *text, size_t tlen)
{
    if (!c->delimiter)
        c->delimiter = aid_csv_sniff(text, tlen);
    csv_set_delim(&c->parser, (unsigned char)c->delimiter);
    memset(c->stop_at, 0, sizeof c->stop_at);
    memset(c->stop_at, 1, 0x20);
    c->stop_at[0x7F] = 1;
    c->stop_at[(unsigned char)c->delimiter] = 1;
    /* blanks are dropped around fields as libcsv drops them,
     * unless one is the delimiter */
    memset(c->blank_at, 0, sizeof c->blank_at);
    c->blank_at[' '] = c->delimiter != ' ';
    c->blank_at['\t'] = c->delimiter != '\t';
}

/* The hand-over between the two threads. */
static void give_full(aid_csv_t *c, csv_batch_t *b)
{
    pthread_mutex_lock(&c->mu);
    c->full[(c->full_first + c->nfull++) % CSV_BATCHES] = b;
    pthread_cond_broadcast(&c->moved);
    pthread_mutex_unlock(&c->mu);
}

static csv_batch_t *take_full(aid_csv_t *c)
{
    pthread_mutex_lock(&c->mu);
    while (!c->nfull)
        pthread_cond_wait(&c->moved, &c->mu);
    csv_batch_t *b = c->full[c->full_first];
    c->full_first = (c->full_first + 1) % CSV_BATCHES;
    c->nfull--;
    pthread_mutex_unlock(&c->mu);
    return b;
}

static void give_empty(aid_csv_t *c, csv_batch_t *b, bool quit)
{
    pthread_mutex_lock(&c->mu);
    c->empty[c->nempty++] = b;
    c->quit |= quit;
    pthread_cond_broadcast(&c->moved);
    pthread_mutex_unlock(&c->mu);
}

/* An empty batch, or NULL (and none taken) when the callback has stopped
 * the read. */
static csv_batch_t *take_empty(aid_csv_t *c)
{
    pthread_mutex_lock(&c->mu);
    while (!c->nempty && !c->quit)
        pthread_cond_wait(&c->moved, &c->mu);
    csv_batch_t *b = c->quit ? NULL : c->empty[--c->nempty];
    pthread_mutex_unlock(&c->mu);
    return b;
}

/* Reading on two threads: hand the filled batch over and take an empty
 * one; NULL when the callback has stopped the read (the reader then keeps
 * the batch it has, to end with). */
static csv_batch_t *next_batch(aid_csv_t *c, uint64_t progress, bool end)
{
    c->batch->progress = progress;
    c->batch->end = end;
    if (end) {
        give_full(c, c->batch);
        return c->batch = NULL;
    }
    csv_batch_t *b = take_empty(c);
    if (!b) {
        c->stop = true;
        return NULL;
    }
    give_full(c, c->batch);
    return c->batch = b;
}

/* Read, decode and split the input, block by block; each row goes to
 * deliver(). On two threads this runs on the reader thread and touches
 * nothing the calling thread reads while it runs. */
static aidstat_status_t produce(aid_csv_t *c, FILE *fp, const char *data, size_t len, aidstat_error_t *err)
{
    const size_t BLOCK = block_size(c, len, c->batch != NULL);
    aidstat_status_t st = AIDSTAT_OK;
    /* the fast path splits lines in place, so data is read (or copied)
     * into a block of our own; the decoder turns each block into UTF-8
     * (in place when it is UTF-8 already) and leaves the bytes of a
     * character cut by the block's end for the next block */
    char *own = c->batch ? NULL : g_malloc(BLOCK);
    char *block = c->batch ? c->batch->block : own;
    size_t pos = 0;   /* next byte of data to copy */
    size_t carry = 0; /* undecoded bytes at the start of block */
    if (fp && len) {  /* bytes taken from fp before (a format sniffed on a pipe) */
        memcpy(block, data, len);
        carry = len;
    }
    bool sniffed = false;
    uint64_t done = 0, shown = 0;
    for (;;) {
        size_t want = BLOCK - carry, got;
        if (fp) {
            got = fread(block + carry, 1, want, fp);
        } else {
            got = MIN(want, len - pos);
            memcpy(block + carry, data + pos, got);
            pos += got;
        }
        size_t n = carry + got;
        done += got;
        if (done > got) {
            shown = done;
            if (c->progress && !c->batch)
                c->progress(done, c->progress_total, c->progress_user);
        }
        bool last = fp ? got < want : pos == len;
        char *text;
        size_t tlen, used;
        st = aid_decoder_convert(c->dec, block, n, last, &text, &tlen, &used, err);
        if (st != AIDSTAT_OK)
            break;
        if (c->batch && tlen && (text < block || text >= block + BLOCK)) {
            /* converted into the decoder's buffer: the batch keeps a copy */
            csv_batch_t *b = c->batch;
            if (b->tcap < tlen) {
                b->tcap = MAX(tlen, b->tcap * 2);
                b->text = g_realloc(b->text, b->tcap);
            }
            memcpy(b->text, text, tlen);
            text = b->text;
        }
        if (!sniffed && (tlen || last)) {
            set_delimiter(c, text, tlen);
            sniffed = true;
        }
        if (tlen)
            feed(c, text, tlen);
        if (last || c->stop)
            break;
        carry = n - used;
        if (c->batch) {
            /* the rest goes to the next batch's block (which may be this
             * one again, once the calling thread is done with it) */
            char *rest = carry ? g_memdup2(block + used, carry) : NULL;
            if (!next_batch(c, shown, false)) {
                g_free(rest);
                break;
            }
            shown = 0;
            block = c->batch->block;
            if (carry)
                memcpy(block, rest, carry);
            g_free(rest);
        } else {
            memmove(block, block + used, carry);
        }
    }
    g_free(own);
    if (st != AIDSTAT_OK)
        return st;
    if (fp && ferror(fp))
        return aid_error_set(err, AIDSTAT_ERR_INPUT, c->name, 0, 0, "read error: %s", g_strerror(errno));
    if (c->too_big || c->too_wide)
        return limit_error(c, err);
    if (c->stop)
        return err && err->code ? err->code : AIDSTAT_ERR_ABORTED;
    /* the last row may lack a newline; an open quote here is an error */
    long open_line = c->row_line;
    long open_col = (long)c->nf + 1;
    /* libcsv reports an open quote at the end only in strict mode, which
     * would also stop at every stray quote mid-file; so look at its state:
     * a quoted field begun (pstate 2, FIELD_BEGUN) and never closed. */
    if ((c->parser.quoted && c->parser.pstate == 2) || csv_fini(&c->parser, on_field, on_row, c) != 0)
        return aid_error_set(
            err, AIDSTAT_ERR_INPUT, c->name, open_line, open_col,
            "unclosed quote: the quoted field starting in this row runs to the end of the file");
    if (c->too_big || c->too_wide)
        return limit_error(c, err);
    if (c->stop)
        return err && err->code ? err->code : AIDSTAT_ERR_ABORTED;
    return AIDSTAT_OK;
}

typedef struct {
    aid_csv_t *c;
    FILE *fp;
    const char *data;
    size_t len;
    aidstat_error_t err;
    aidstat_status_t st;
} reader_t;

static gpointer reader_main(gpointer p)
{
    reader_t *r = p;
    r->st = produce(r->c, r->fp, r->data, r->len, &r->err);
    next_batch(r->c, 0, true); /* the batch in hand, as the last */
    return NULL;
}

static void batch_free(gpointer p)
{
    csv_batch_t *b = p;
    if (!b)
        return;
    g_free(b->block);
    g_free(b->text);
    if (b->copies)
        g_string_chunk_free(b->copies);
    g_free(b->rows);
    g_free(b->fields);
    g_free(b->lens);
    g_free(b);
}

/* Read on two threads; the calling thread calls the callback. */
static aidstat_status_t read_two(aid_csv_t *c, FILE *fp, const char *data, size_t len, aidstat_error_t *err)
{
    pthread_mutex_init(&c->mu, NULL);
    pthread_cond_init(&c->moved, NULL);
    c->full_first = c->nfull = c->nempty = 0;
    c->quit = false;
    for (int i = 0; i < CSV_BATCHES; i++) {
        csv_batch_t *b = g_new0(csv_batch_t, 1);
        b->block = g_malloc(block_size(c, len, true));
        c->empty[c->nempty++] = b;
    }
    c->batch = c->empty[--c->nempty];
    reader_t r = {c, fp, data, len, {0}, AIDSTAT_OK};
    GThread *t = g_thread_try_new("aidstat-csv", reader_main, &r, NULL);
    bool stopped = false;
    if (!t) { /* no thread: read on this one */
        c->empty[c->nempty++] = c->batch;
        c->batch = NULL;
        r.st = produce(c, fp, data, len, err);
    } else {
        for (;;) {
            csv_batch_t *b = take_full(c);
            if (!stopped && b->progress && c->progress)
                c->progress(b->progress, c->progress_total, c->progress_user);
            for (size_t i = 0; i < b->nrows && !stopped; i++) {
                const csv_row_t *row = &b->rows[i];
                c->suspect = row->suspect;
                c->trimmed = row->trimmed;
                if (c->fn(c->user, b->fields + row->first, b->lens + row->first, row->nf, row->line))
                    stopped = true;
            }
            bool end = b->end;
            b->nrows = b->nfields = 0;
            if (b->copies)
                g_string_chunk_clear(b->copies);
            give_empty(c, b, stopped);
            if (end)
                break;
        }
        g_thread_join(t);
        if (stopped)
            r.st = err && err->code ? err->code : AIDSTAT_ERR_ABORTED;
        else if (r.st != AIDSTAT_OK && err)
            *err = r.err;
    }
    for (size_t i = 0; i < c->nempty; i++)
        batch_free(c->empty[i]);
    c->nempty = 0;
    pthread_cond_destroy(&c->moved);
    pthread_mutex_destroy(&c->mu);
    return r.st;
}

/* Whether to read on two threads: for a large input (where the second
 * core pays for the hand-over) or one of unknown size (a pipe), on a
 * machine that has a second core. */
static bool two_threads(const aid_csv_t *c, FILE *fp, size_t len)
{
    if (c->threads != 0)
        return c->threads == 2;
    if (g_get_num_processors() < 2)
        return false;
    if (!fp)
        return len >= 4u << 20;
    struct stat sb;
    if (fstat(fileno(fp), &sb) != 0 || !S_ISREG(sb.st_mode))
        return true;
    return (uint64_t)sb.st_size >= 4u << 20;
}

aidstat_status_t aid_csv_read(aid_csv_t *c, FILE *fp, const char *data, size_t len, aid_csv_row_fn fn,
                              void *user, aidstat_error_t *err)
{
    g_return_val_if_fail(!fp || len <= (size_t)(512 << 10), AIDSTAT_ERR_USAGE);
    if (csv_init(&c->parser, CSV_STRICT_FINI | CSV_APPEND_NULL) != 0)
        return aid_error_set(err, AIDSTAT_ERR_NOMEM, c->name, 0, 0, "out of memory");
    c->fn = fn;
    c->user = user;
    c->line = 1;
    c->row_line = 1;
    c->stop = false;
    c->suspect = c->row_ctl = c->wide = c->wide_prev = false;
    c->too_big = c->too_wide = false;
    c->len = c->nf = 0;

    aid_decoder_free(c->dec);
    if (!(c->dec = aid_decoder_new(c->name, c->encoding, err))) {
        csv_free(&c->parser);
        return err ? err->code : AIDSTAT_ERR_USAGE;
    }
    aidstat_status_t st = two_threads(c, fp, len) ? read_two(c, fp, data, len, err) : produce(c, fp, data, len, err);
    csv_free(&c->parser);
    return st;
}
