/* CSV rows with positions, on libcsv. */
#include "config.h"
#include "load/csv.h"
#include "data/error.h"

#include <csv.h>
#include <errno.h>
#include <glib.h>
#include <string.h>

struct aid_csv {
    char *name;
    char delimiter;
    struct csv_parser parser;
    /* the row being assembled: field bytes back to back, NUL-separated */
    GString *row;
    GArray *offsets; /* size_t start of each field in row */
    GArray *lens;    /* size_t */
    GPtrArray *fields;
    long line;       /* physical line being fed, 1-based */
    long row_line;   /* line the current row started on */
    bool too_big;
    /* the callback and its outcome */
    aid_csv_row_fn fn;
    void *user;
    bool stop;
};

aid_csv_t *aid_csv_new(const char *name, char delimiter)
{
    aid_csv_t *c = g_new0(aid_csv_t, 1);
    c->name = g_strdup(name);
    c->delimiter = delimiter;
    c->row = g_string_sized_new(256);
    c->offsets = g_array_new(FALSE, FALSE, sizeof(size_t));
    c->lens = g_array_new(FALSE, FALSE, sizeof(size_t));
    c->fields = g_ptr_array_new();
    return c;
}

void aid_csv_free(aid_csv_t *c)
{
    if (!c)
        return;
    g_free(c->name);
    g_string_free(c->row, TRUE);
    g_array_free(c->offsets, TRUE);
    g_array_free(c->lens, TRUE);
    g_ptr_array_free(c->fields, TRUE);
    g_free(c);
}

char aid_csv_delimiter(const aid_csv_t *c)
{
    return c->delimiter;
}

char aid_csv_sniff(const char *buf, size_t len)
{
    size_t comma = 0, semi = 0, tab = 0;
    bool quoted = false;
    for (size_t i = 0; i < len; i++) {
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

static void on_field(void *data, size_t len, void *user)
{
    aid_csv_t *c = user;
    if (c->stop)
        return;
    if (c->row->len + len + 1 > AID_CSV_MAX_ROW) {
        c->too_big = true;
        c->stop = true;
        return;
    }
    size_t off = c->row->len;
    g_string_append_len(c->row, data ? data : "", (gssize)len);
    g_string_append_c(c->row, '\0');
    g_array_append_val(c->offsets, off);
    g_array_append_val(c->lens, len);
}

static void on_row(int term, void *user)
{
    aid_csv_t *c = user;
    (void)term;
    if (c->stop)
        return;
    size_t n = c->offsets->len;
    g_ptr_array_set_size(c->fields, (guint)n);
    for (size_t i = 0; i < n; i++)
        c->fields->pdata[i] = c->row->str + g_array_index(c->offsets, size_t, i);
    if (c->fn(c->user, (char **)c->fields->pdata, (const size_t *)(void *)c->lens->data, n,
              c->row_line))
        c->stop = true;
    g_string_truncate(c->row, 0);
    g_array_set_size(c->offsets, 0);
    g_array_set_size(c->lens, 0);
}

/* Feed one buffer, a physical line at a time. */
static void feed(aid_csv_t *c, const char *buf, size_t len)
{
    const char *p = buf, *end = buf + len;
    while (p < end && !c->stop) {
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        const char *stop = nl ? nl + 1 : end;
        /* libcsv's pstate 0 is "row not begun": a new row starts on this line */
        if (c->parser.pstate == 0 && c->offsets->len == 0)
            c->row_line = c->line;
        csv_parse(&c->parser, p, (size_t)(stop - p), on_field, on_row, c);
        if (nl)
            c->line++;
        p = stop;
    }
}

aidstat_status_t aid_csv_read(aid_csv_t *c, FILE *fp, const char *data, size_t len,
                              aid_csv_row_fn fn, void *user, aidstat_error_t *err)
{
    enum { BLOCK = 1 << 20 };
    char *block = NULL;
    size_t n = 0;
    aidstat_status_t st = AIDSTAT_OK;

    if (csv_init(&c->parser, CSV_STRICT_FINI | CSV_APPEND_NULL) != 0)
        return aid_error_set(err, AIDSTAT_ERR_NOMEM, c->name, 0, 0, "out of memory");
    c->fn = fn;
    c->user = user;
    c->line = 1;
    c->row_line = 1;
    c->stop = false;

    if (fp) {
        block = g_malloc(BLOCK);
        n = fread(block, 1, BLOCK, fp);
        data = block;
        len = n;
    }
    size_t skip = (len >= 3 && memcmp(data, "\xEF\xBB\xBF", 3) == 0) ? 3 : 0;
    if (!c->delimiter)
        c->delimiter = aid_csv_sniff(data + skip, len - skip);
    csv_set_delim(&c->parser, (unsigned char)c->delimiter);

    feed(c, data + skip, len - skip);
    while (fp && !c->stop && n == BLOCK) {
        n = fread(block, 1, BLOCK, fp);
        feed(c, block, n);
    }
    if (fp && ferror(fp)) {
        st = aid_error_set(err, AIDSTAT_ERR_INPUT, c->name, 0, 0, "read error: %s",
                           g_strerror(errno));
        goto out;
    }
    if (c->too_big) {
        st = aid_error_set(err, AIDSTAT_ERR_INPUT, c->name, c->row_line, (long)c->offsets->len + 1,
                           "row is larger than %u MiB", AID_CSV_MAX_ROW >> 20);
        goto out;
    }
    if (c->stop) {
        st = err && err->code ? err->code : AIDSTAT_ERR_ABORTED;
        goto out;
    }
    /* the last row may lack a newline; an open quote here is an error */
    long open_line = c->row_line;
    long open_col = (long)c->offsets->len + 1;
    if (csv_fini(&c->parser, on_field, on_row, c) != 0) {
        st = aid_error_set(err, AIDSTAT_ERR_INPUT, c->name, open_line, open_col,
                           "unclosed quote: the quoted field starting in this row runs to the end of the file");
        goto out;
    }
    if (c->too_big)
        st = aid_error_set(err, AIDSTAT_ERR_INPUT, c->name, c->row_line, (long)c->offsets->len + 1,
                           "row is larger than %u MiB", AID_CSV_MAX_ROW >> 20);
    else if (c->stop)
        st = err && err->code ? err->code : AIDSTAT_ERR_ABORTED;
out:
    csv_free(&c->parser);
    g_free(block);
    return st;
}
