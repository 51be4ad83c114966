/* Unit tests for load/csv.c: rows, positions, quoting, the fast path. */
#include "config.h"
#include "load/csv.h"
#include "testlib.h"

#include <glib.h>
#include <stdlib.h>

/* The reader's block size (csv.c reads 1 MiB at a time). */
#define BLOCK (1 << 20)

/* Rows as text: "line:field|field\n" per row, with '|', '\\', CR and LF
 * in fields escaped, so any two row lists compare as strings. */
typedef struct {
    GString *text;
    size_t rows;
    size_t unterminated; /* fields not NUL-terminated at lens[i] */
    long stop_after;     /* return non-zero after this many rows (0 = never) */
    const bool *suspect, *trimmed; /* the reader's flags for the row given */
    GString *flags;                /* them, a letter pair per row */
} collect_t;

/* How read_csv reads: on one thread or two, and the block size (0 for
 * the reader's own). */
static int threads = 1;
static size_t block_size;

static void escape(GString *out, const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        switch (s[i]) {
        case '|':
            g_string_append(out, "\\|");
            break;
        case '\\':
            g_string_append(out, "\\\\");
            break;
        case '\n':
            g_string_append(out, "\\n");
            break;
        case '\r':
            g_string_append(out, "\\r");
            break;
        default:
            g_string_append_c(out, s[i]);
        }
    }
}

static int collect_row(void *user, char **fields, const size_t *lens, size_t n, long line)
{
    collect_t *c = user;
    g_string_append_printf(c->text, "%ld:", line);
    for (size_t i = 0; i < n; i++) {
        if (i)
            g_string_append_c(c->text, '|');
        escape(c->text, fields[i], lens[i]);
        if (fields[i][lens[i]] != '\0')
            c->unterminated++;
    }
    g_string_append_c(c->text, '\n');
    if (c->suspect) {
        g_string_append_c(c->flags, *c->suspect ? 'S' : 's');
        g_string_append_c(c->flags, *c->trimmed ? 'T' : 't');
    }
    c->rows++;
    return c->stop_after && (long)c->rows >= c->stop_after;
}

static void collect_init(collect_t *c)
{
    memset(c, 0, sizeof *c);
    c->text = g_string_new(NULL);
    c->flags = g_string_new(NULL);
}

static void collect_free(collect_t *c)
{
    g_string_free(c->text, TRUE);
    g_string_free(c->flags, TRUE);
}

/* Read data (through fp when use_file) and collect its rows. */
static aidstat_status_t read_csv(const char *data, size_t len, char delim, bool fast, bool use_file,
                                 collect_t *out, aidstat_error_t *err)
{
    aid_csv_t *c = aid_csv_new("t.csv", delim);
    aid_csv_set_fast(c, fast);
    aid_csv_set_threads(c, threads, block_size);
    out->suspect = aid_csv_suspect(c);
    out->trimmed = aid_csv_trimmed(c);
    aidstat_error_clear(err);
    aidstat_status_t st;
    if (use_file) {
        FILE *fp = tmpfile();
        if (!fp || fwrite(data, 1, len, fp) != len) {
            fprintf(stderr, "tmpfile: cannot write\n");
            exit(2);
        }
        rewind(fp);
        st = aid_csv_read(c, fp, NULL, 0, collect_row, out, err);
        fclose(fp);
    } else {
        st = aid_csv_read(c, NULL, data, len, collect_row, out, err);
    }
    aid_csv_free(c);
    return st;
}

/* The rows of a NUL-terminated document, read both ways (fast on and off),
 * which must agree. Returns the fast result; the caller frees it. */
static char *rows_of(const char *doc, char delim)
{
    aidstat_error_t err;
    collect_t a, b;
    collect_init(&a);
    collect_init(&b);
    aidstat_status_t sa = read_csv(doc, strlen(doc), delim, true, false, &a, &err);
    aidstat_status_t sb = read_csv(doc, strlen(doc), delim, false, false, &b, &err);
    CHECK_EQ_INT(sa, AIDSTAT_OK);
    CHECK_EQ_INT(sb, AIDSTAT_OK);
    CHECK_EQ_STR(a.text->str, b.text->str);
    CHECK_EQ_INT(a.unterminated, 0);
    if (threads == 2) { /* the same rows and flags as one thread gives */
        collect_t one;
        collect_init(&one);
        threads = 1;
        CHECK_EQ_INT(read_csv(doc, strlen(doc), delim, true, false, &one, &err), AIDSTAT_OK);
        threads = 2;
        CHECK_EQ_STR(a.text->str, one.text->str);
        CHECK_EQ_STR(a.flags->str, one.flags->str);
        collect_free(&one);
    }
    char *s = g_strdup(a.text->str);
    collect_free(&a);
    collect_free(&b);
    return s;
}

#define CHECK_ROWS(doc, delim, want)                                                                         \
    do {                                                                                                     \
        char *got_ = rows_of((doc), (delim));                                                                \
        CHECK_EQ_STR(got_, (want));                                                                          \
        g_free(got_);                                                                                        \
    } while (0)

static void test_basic(void)
{
    CHECK_ROWS("a,b,c\n1,2,3\n", ',', "1:a|b|c\n2:1|2|3\n");
    /* a last line without newline */
    CHECK_ROWS("a,b\nc,d", ',', "1:a|b\n2:c|d\n");
    CHECK_ROWS("a,\"b\"", ',', "1:a|b\n");
    CHECK_ROWS("x", ',', "1:x\n");
    CHECK_ROWS("", ',', "");
    /* blanks around unquoted fields are dropped, inside quotes kept */
    CHECK_ROWS(" a , b \n", ',', "1:a|b\n");
    CHECK_ROWS("\t a\t,b c\n", ',', "1:a|b c\n");
    CHECK_ROWS("\" a \",b\n", ',', "1: a |b\n");
    /* empty fields and a trailing delimiter */
    CHECK_ROWS("a,,c\n,\n", ',', "1:a||c\n2:|\n");
    CHECK_ROWS("a,b,\n", ',', "1:a|b|\n");
    CHECK_ROWS("\"\",x\n", ',', "1:|x\n");
}

static void test_bom_crlf(void)
{
    CHECK_ROWS("\xEF\xBB\xBFname,value\nx,1\n", ',', "1:name|value\n2:x|1\n");
    /* only a leading BOM is special */
    CHECK_ROWS("\xEF\xBB\xBF", ',', "");
    CHECK_ROWS("a,b\r\nc,d\r\n", ',', "1:a|b\n2:c|d\n");
    CHECK_ROWS("a,b\r\nc,d", ',', "1:a|b\n2:c|d\n");
    CHECK_ROWS("\"a\",b\r\nc,\"d\"\r\n", ',', "1:a|b\n2:c|d\n");
    CHECK_ROWS("\xEF\xBB\xBF\"q\",1\r\n", ',', "1:q|1\n");
}

static void test_quotes(void)
{
    const char *doc = "name,note\n"
                      "\"Smith, J\",\"say \"\"hi\"\"\"\n"
                      "\"multi\nline\",x\n"
                      "last,y\n";
    CHECK_ROWS(doc, ',', "1:name|note\n2:Smith, J|say \"hi\"\n3:multi\\nline|x\n5:last|y\n");
    /* two embedded newlines: the next row is three lines further */
    CHECK_ROWS("\"a\n\nb\",c\nd,e\n", ',', "1:a\\n\\nb|c\n4:d|e\n");
    /* CRLF inside quotes is kept as written */
    CHECK_ROWS("\"a\r\nb\",c\r\nd,e\r\n", ',', "1:a\\r\\nb|c\n3:d|e\n");
    /* a field that is only a quote character */
    CHECK_ROWS("\"\"\"\",x\n", ',', "1:\"|x\n");
    /* the delimiter inside quotes */
    CHECK_ROWS("\"a;b\";c\n", ';', "1:a;b|c\n");
    CHECK_ROWS("\"a\tb\"\tc\n", '\t', "1:a\tb|c\n");
    /* a quoted row between plain rows keeps every row's line right */
    CHECK_ROWS("h1,h2\n1,2\n\"3\n3\",4\n5,6\n\n7,8\n", ',', "1:h1|h2\n2:1|2\n3:3\\n3|4\n5:5|6\n7:7|8\n");
}

static void test_blank_lines(void)
{
    CHECK_ROWS("a\n\n\nb\n", ',', "1:a\n4:b\n");
    CHECK_ROWS("\n\na,b\n", ',', "3:a|b\n");
    CHECK_ROWS("a\n   \n\t\nb\n", ',', "1:a\n4:b\n");
    CHECK_ROWS("a\r\n\r\n\r\nb\r\n", ',', "1:a\n4:b\n");
    CHECK_ROWS("a\n\n", ',', "1:a\n");
    /* with tab as the delimiter a line of one tab is two empty fields */
    CHECK_ROWS("a\tb\n\t\n", '\t', "1:a|b\n2:|\n");
}

static void test_sniff(void)
{
    const char *semi = "a;b;c\n1,5;2;3\n";
    const char *tab = "a\tb\tc\n";
    CHECK_EQ_INT(aid_csv_sniff(semi, strlen(semi)), ';');
    CHECK_EQ_INT(aid_csv_sniff(tab, strlen(tab)), '\t');
    CHECK_EQ_INT(aid_csv_sniff("a,b,c\n", 6), ',');
    CHECK_EQ_INT(aid_csv_sniff("abc\n", 4), ',');
    CHECK_EQ_INT(aid_csv_sniff("", 0), ',');
    /* delimiters inside quotes do not count */
    CHECK_EQ_INT(aid_csv_sniff("\"a,b,c\";d;e\n", 12), ';');
    /* only the first line counts */
    CHECK_EQ_INT(aid_csv_sniff("a;b\nc,d,e,f,g\n", 14), ';');
    /* a tie goes to the comma */
    CHECK_EQ_INT(aid_csv_sniff("a,b;c\n", 6), ',');

    /* delimiter 0 sniffs on read */
    aid_csv_t *c = aid_csv_new("s.csv", 0);
    collect_t out;
    collect_init(&out);
    aidstat_error_t err;
    aidstat_error_clear(&err);
    CHECK_EQ_INT(aid_csv_read(c, NULL, semi, strlen(semi), collect_row, &out, &err), AIDSTAT_OK);
    CHECK_EQ_INT(aid_csv_delimiter(c), ';');
    CHECK_EQ_STR(out.text->str, "1:a|b|c\n2:1,5|2|3\n");
    aid_csv_free(c);
    collect_free(&out);

    c = aid_csv_new("t.tsv", 0);
    collect_init(&out);
    const char *tsv = "\xEF\xBB\xBFx\ty\n1, 2\t3\n";
    CHECK_EQ_INT(aid_csv_read(c, NULL, tsv, strlen(tsv), collect_row, &out, &err), AIDSTAT_OK);
    CHECK_EQ_INT(aid_csv_delimiter(c), '\t');
    CHECK_EQ_STR(out.text->str, "1:x|y\n2:1, 2|3\n");
    aid_csv_free(c);
    collect_free(&out);

    /* blank lines before the header are no rows: the header is sniffed */
    c = aid_csv_new("b.csv", 0);
    collect_init(&out);
    const char *late = "\n\r\n  \na;b\n1;2\n";
    CHECK_EQ_INT(aid_csv_read(c, NULL, late, strlen(late), collect_row, &out, &err), AIDSTAT_OK);
    CHECK_EQ_INT(aid_csv_delimiter(c), ';');
    CHECK_EQ_STR(out.text->str, "4:a|b\n5:1|2\n");
    aid_csv_free(c);
    collect_free(&out);
}

static void test_unclosed(void)
{
    static const char msg[] =
        "unclosed quote: the quoted field starting in this row runs to the end of the file";
    for (int fast = 0; fast < 2; fast++) {
        const char *doc = "a,b\nc,\"d\ne\nf,g\n";
        aidstat_error_t err;
        collect_t out;
        collect_init(&out);
        CHECK_EQ_INT(read_csv(doc, strlen(doc), ',', fast, false, &out, &err), AIDSTAT_ERR_INPUT);
        CHECK_EQ_INT(err.code, AIDSTAT_ERR_INPUT);
        CHECK_EQ_STR(err.file, "t.csv");
        CHECK_EQ_INT(err.line, 2);
        CHECK_EQ_INT(err.column, 2);
        CHECK_EQ_STR(err.message, msg);
        CHECK_EQ_STR(out.text->str, "1:a|b\n");
        collect_free(&out);

        /* on the first line, first field, with no newline at all */
        collect_init(&out);
        CHECK_EQ_INT(read_csv("\"abc", 4, ',', fast, false, &out, &err), AIDSTAT_ERR_INPUT);
        CHECK_EQ_INT(err.line, 1);
        CHECK_EQ_INT(err.column, 1);
        CHECK_EQ_STR(err.message, msg);
        CHECK_EQ_STR(out.text->str, "");
        collect_free(&out);

        /* after blank lines and a multi-line row */
        doc = "\"x\ny\",1\n\n\n2,3,\"open\n";
        collect_init(&out);
        CHECK_EQ_INT(read_csv(doc, strlen(doc), ',', fast, true, &out, &err), AIDSTAT_ERR_INPUT);
        CHECK_EQ_INT(err.line, 5);
        CHECK_EQ_INT(err.column, 3);
        CHECK_EQ_STR(out.text->str, "1:x\\ny|1\n");
        char buf[600];
        CHECK_EQ_STR(aidstat_error_format(&err, buf, sizeof buf),
                     "t.csv:5:3: unclosed quote: the quoted field starting in this row runs to "
                     "the end of the file");
        collect_free(&out);
    }
}

static int stop_with_error(void *user, char **fields, const size_t *lens, size_t n, long line)
{
    aidstat_error_t *err = user;
    (void)fields;
    (void)lens;
    (void)n;
    if (line == 2) {
        err->code = AIDSTAT_ERR_INPUT;
        snprintf(err->message, sizeof err->message, "bad row");
        return 1;
    }
    return 0;
}

static void test_stop(void)
{
    const char *doc = "a\nb\nc\n";
    aidstat_error_t err;
    collect_t out;
    collect_init(&out);
    out.stop_after = 2;
    CHECK_EQ_INT(read_csv(doc, strlen(doc), ',', true, false, &out, &err), AIDSTAT_ERR_ABORTED);
    CHECK_EQ_STR(out.text->str, "1:a\n2:b\n");
    collect_free(&out);

    /* the callback's own error code comes back */
    aid_csv_t *c = aid_csv_new("t.csv", ',');
    aidstat_error_clear(&err);
    CHECK_EQ_INT(aid_csv_read(c, NULL, doc, strlen(doc), stop_with_error, &err, &err), AIDSTAT_ERR_INPUT);
    CHECK_EQ_STR(err.message, "bad row");
    aid_csv_free(c);
}

/* ------------------------------------------------------- differential */

static void put_blanks(GString *d, unsigned long long *seed)
{
    static const char *const blanks[] = {"", "", "", " ", "  ", "\t", " \t "};
    g_string_append(d, blanks[testlib_below(seed, G_N_ELEMENTS(blanks))]);
}

static void put_quoted(GString *d, unsigned long long *seed, char delim)
{
    static const char *const bits[] = {"a",  "word", " ",   ",",   ";", "\t",      "\"\"",
                                       "\n", "\r\n", "x y", "1.5", "'", "\"\"\"\""};
    g_string_append_c(d, '"');
    unsigned n = testlib_below(seed, 5);
    for (unsigned i = 0; i < n; i++)
        g_string_append(d, bits[testlib_below(seed, G_N_ELEMENTS(bits))]);
    if (testlib_below(seed, 4) == 0)
        g_string_append_c(d, delim);
    g_string_append_c(d, '"');
}

static void put_field(GString *d, unsigned long long *seed, char delim)
{
    static const char *const words[] = {
        "a",     "abc", "12.5", "-3", "x y", "C\xc3\xb4te d'Ivoire", "EU (Commission and Council)",
        "1,234", "n/a"};
    put_blanks(d, seed);
    switch (testlib_below(seed, 6)) {
    case 0:
        break; /* empty */
    case 1:
        put_quoted(d, seed, delim);
        break;
    default: {
        const char *w = words[testlib_below(seed, G_N_ELEMENTS(words))];
        /* a word holding the delimiter would be two fields: fine, both
         * readers must agree on that too */
        g_string_append(d, w);
        break;
    }
    }
    put_blanks(d, seed);
}

static char *random_doc(unsigned long long *seed, char *delim_out)
{
    static const char delims[] = {',', ',', ',', ';', '\t'};
    static const char *const blank_lines[] = {"\n", "\r\n", "  \n", "\t\n", " \r\n"};
    char delim = delims[testlib_below(seed, sizeof delims)];
    bool crlf = testlib_below(seed, 2);
    GString *d = g_string_new(NULL);
    if (testlib_below(seed, 10) == 0)
        g_string_append(d, "\xEF\xBB\xBF");
    unsigned rows = 1 + testlib_below(seed, 8);
    for (unsigned r = 0; r < rows; r++) {
        if (testlib_below(seed, 6) == 0)
            g_string_append(d, blank_lines[testlib_below(seed, G_N_ELEMENTS(blank_lines))]);
        unsigned fields = 1 + testlib_below(seed, 5);
        for (unsigned f = 0; f < fields; f++) {
            if (f)
                g_string_append_c(d, delim);
            put_field(d, seed, delim);
        }
        if (testlib_below(seed, 8) == 0)
            g_string_append_c(d, delim); /* trailing delimiter */
        bool last = r + 1 == rows;
        if (!last || testlib_below(seed, 3) != 0) {
            /* mostly one ending per document, sometimes mixed */
            bool this_crlf = testlib_below(seed, 10) == 0 ? !crlf : crlf;
            g_string_append(d, this_crlf ? "\r\n" : "\n");
        }
    }
    *delim_out = delim;
    return g_string_free(d, FALSE);
}

static void show_doc(const char *doc)
{
    GString *s = g_string_new(NULL);
    escape(s, doc, strlen(doc));
    fprintf(stderr, "  document: \"%s\"\n", s->str);
    g_string_free(s, TRUE);
}

/* The fast path (quote-free lines split directly) and libcsv must make the
 * same rows from the same bytes. */
static void test_differential(void)
{
    unsigned long long seed = 20260415;
    int differ = 0, errors = 0;
    long total_rows = 0;
    for (int i = 0; i < 2000; i++) {
        char delim;
        char *doc = random_doc(&seed, &delim);
        size_t len = strlen(doc);
        aidstat_error_t ea, eb;
        collect_t a, b;
        collect_init(&a);
        collect_init(&b);
        aidstat_status_t sa = read_csv(doc, len, delim, true, false, &a, &ea);
        aidstat_status_t sb = read_csv(doc, len, delim, false, false, &b, &eb);
        bool same = sa == sb && strcmp(a.text->str, b.text->str) == 0 && a.unterminated == 0 &&
                    b.unterminated == 0 && ea.line == eb.line && ea.column == eb.column;
        if (sa != AIDSTAT_OK)
            errors++;
        if (!same) {
            if (differ < 3) {
                fprintf(stderr, "fast and libcsv rows differ (document %d):\n", i);
                show_doc(doc);
                fprintf(stderr, "  fast (%d):\n%s  libcsv (%d):\n%s", sa, a.text->str, sb, b.text->str);
            }
            differ++;
        }
        total_rows += (long)a.rows;
        collect_free(&a);
        collect_free(&b);
        g_free(doc);
    }
    CHECK_EQ_INT(differ, 0);
    /* every generated quote is closed, so every document reads */
    CHECK_EQ_INT(errors, 0);
    /* the documents did hold rows (the generator works) */
    CHECK(total_rows > 4000);
}

/* ---------------------------------------------------------- big input */

typedef struct {
    GString *doc;
    GString *want; /* expected rows, as collect_row writes them */
    long line;     /* the line the next row starts on */
} big_t;

/* Append a row: fields as written (raw) and as read (plain). */
static void big_row(big_t *b, const char *raw, const char *plain, int newlines)
{
    g_string_append(b->doc, raw);
    g_string_append_printf(b->want, "%ld:%s\n", b->line, plain);
    b->line += newlines;
}

static void big_fill(big_t *b, size_t upto, unsigned long long *seed)
{
    char raw[128], plain[128];
    while (b->doc->len < upto) {
        unsigned k = testlib_below(seed, 1000000);
        if (k % 11 == 0) {
            snprintf(raw, sizeof raw, "r%u,\"q,%u\n\"\"x\"\"\",%u\n", k, k, k % 97);
            snprintf(plain, sizeof plain, "r%u|q,%u\\n\"x\"|%u", k, k, k % 97);
            big_row(b, raw, plain, 2);
        } else if (k % 13 == 0) {
            g_string_append(b->doc, "\n");
            b->line++;
        } else {
            snprintf(raw, sizeof raw, "r%u, %u.%u ,word%u\n", k, k % 1000, k % 7, k % 5);
            snprintf(plain, sizeof plain, "r%u|%u.%u|word%u", k, k % 1000, k % 7, k % 5);
            big_row(b, raw, plain, 1);
        }
    }
}

/* A document over 1 MiB with the special row raw starting at_boundary
 * bytes before the block boundary. */
static void big_doc(big_t *b, const char *raw, const char *plain, int newlines, size_t before)
{
    unsigned long long seed = 77;
    b->doc = g_string_new(NULL);
    b->want = g_string_new(NULL);
    b->line = 1;
    big_row(b, "id,value,name\n", "id|value|name", 1);
    big_fill(b, BLOCK - 200, &seed);
    /* pad so that the special row starts exactly `before` bytes ahead of it */
    size_t pad = BLOCK - before - b->doc->len;
    char *raw_pad = g_strdup_printf("pad,%*s\n", (int)(pad - 5), "z");
    char *plain_pad = g_strdup_printf("pad|z");
    big_row(b, raw_pad, plain_pad, 1);
    g_free(raw_pad);
    g_free(plain_pad);
    if (!CHECK_EQ_INT(b->doc->len, BLOCK - before))
        return;
    big_row(b, raw, plain, newlines);
    big_fill(b, BLOCK + BLOCK / 2, &seed);
}

static void check_big(const char *what, const char *raw, const char *plain, int newlines, size_t before)
{
    big_t b;
    big_doc(&b, raw, plain, newlines, before);
    CHECK(b.doc->len > BLOCK);
    for (int use_file = 0; use_file < 2; use_file++)
        for (int fast = 0; fast < 2; fast++) {
            aidstat_error_t err;
            collect_t out;
            collect_init(&out);
            aidstat_status_t st = read_csv(b.doc->str, b.doc->len, ',', fast, use_file, &out, &err);
            if (!CHECK_EQ_INT(st, AIDSTAT_OK))
                fprintf(stderr, "  %s: %s\n", what, err.message);
            bool same = strcmp(out.text->str, b.want->str) == 0;
            if (!CHECK(same)) {
                /* show the first differing row */
                const char *p = out.text->str, *q = b.want->str;
                while (*p && *p == *q)
                    p++, q++;
                while (p > out.text->str && p[-1] != '\n')
                    p--, q--;
                fprintf(stderr, "  %s (file %d, fast %d): got %.80s\n  expected %.80s\n", what, use_file,
                        fast, p, q);
            }
            CHECK_EQ_INT(out.unterminated, 0);
            collect_free(&out);
        }
    g_string_free(b.doc, TRUE);
    g_string_free(b.want, TRUE);
}

static void test_big(void)
{
    /* the boundary inside a plain field */
    check_big("plain row", "cross,abcdefghij,end\n", "cross|abcdefghij|end", 1, 10);
    /* right after a delimiter */
    check_big("after delimiter", "cross,abcdefghij,end\n", "cross|abcdefghij|end", 1, 6);
    /* inside a quoted field, just before its embedded newline */
    check_big("quoted field", "cross,\"abc\ndef\n\",tail\n", "cross|abc\\ndef\\n|tail", 3, 10);
    /* between the quote that opens a field and its text */
    check_big("after quote", "cross,\"abc\",tail\n", "cross|abc|tail", 1, 7);
    /* between CR and LF */
    check_big("CRLF", "cross,a\r\n", "cross|a", 1, 8);
    /* exactly on a row start */
    check_big("row start", "cross,a\n", "cross|a", 1, 0);
    /* on a row's last byte, its newline */
    check_big("newline", "cross,a\n", "cross|a", 1, 7);
}

/* Rows longer than a block: an unquoted field and a quoted one with
 * newlines, each several MiB, between ordinary rows. */
static void test_huge_rows(void)
{
    enum { PLAIN = 3 * BLOCK + 123, QUOTED_LINES = 300000 };
    GString *doc = g_string_new("a,b\nx,");
    GString *want = g_string_new("1:a|b\n2:x|");
    for (size_t i = 0; i < PLAIN; i++)
        g_string_append_c(doc, (char)('a' + i % 26));
    g_string_append_len(want, doc->str + 6, PLAIN);
    g_string_append(doc, "\n\"");
    g_string_append(want, "\n3:");
    for (int i = 0; i < QUOTED_LINES; i++) {
        g_string_append(doc, "q,\"\"\n");
        g_string_append(want, "q,\"\\n");
    }
    g_string_append(doc, "\",end\nlast,1");
    g_string_append_printf(want, "|end\n%d:last|1\n", 4 + QUOTED_LINES);
    CHECK(doc->len > 4 * (size_t)BLOCK);
    for (int use_file = 0; use_file < 2; use_file++)
        for (int fast = 0; fast < 2; fast++) {
            aidstat_error_t err;
            collect_t out;
            collect_init(&out);
            CHECK_EQ_INT(read_csv(doc->str, doc->len, ',', fast, use_file, &out, &err), AIDSTAT_OK);
            CHECK_EQ_INT(out.rows, 4);
            CHECK_EQ_INT(out.text->len, want->len);
            if (!CHECK(strcmp(out.text->str, want->str) == 0)) {
                size_t k = 0;
                while (out.text->str[k] == want->str[k])
                    k++;
                fprintf(stderr, "  first difference at byte %zu: got \"%.20s\", expected \"%.20s\"\n", k,
                        out.text->str + k, want->str + k);
            }
            collect_free(&out);
        }
    g_string_free(doc, TRUE);
    g_string_free(want, TRUE);
}

/* Many random rows in one document, read in small blocks so that rows
 * are cut by block ends everywhere: one thread and two give the same rows
 * and flags, and the same rows as one big block. */
static void test_blocks(void)
{
    unsigned long long seed = 20261207;
    GString *doc = g_string_new("id,value,name\n");
    char delim = ',';
    while (doc->len < 200000) {
        char d;
        char *part = random_doc(&seed, &d);
        /* the generator's documents end in a newline or not: keep rows apart;
         * a document in another delimiter is still one some rows of */
        g_string_append(doc, part[0] == '\xEF' ? part + 3 : part);
        g_string_append_c(doc, '\n');
        g_free(part);
    }
    collect_t want;
    collect_init(&want);
    aidstat_error_t err;
    threads = 1;
    block_size = 0;
    CHECK_EQ_INT(read_csv(doc->str, doc->len, delim, true, false, &want, &err), AIDSTAT_OK);
    static const size_t blocks[] = {1024, 1031, 4096, 65537};
    for (size_t k = 0; k < G_N_ELEMENTS(blocks); k++)
        for (int use_file = 0; use_file < 2; use_file++) {
            collect_t one, two;
            collect_init(&one);
            collect_init(&two);
            block_size = blocks[k];
            threads = 1;
            CHECK_EQ_INT(read_csv(doc->str, doc->len, delim, true, use_file, &one, &err), AIDSTAT_OK);
            threads = 2;
            CHECK_EQ_INT(read_csv(doc->str, doc->len, delim, true, use_file, &two, &err), AIDSTAT_OK);
            if (!CHECK_EQ_STR(one.text->str, want.text->str) || !CHECK_EQ_STR(two.text->str, one.text->str) ||
                !CHECK_EQ_STR(two.flags->str, one.flags->str))
                fprintf(stderr, "  block %zu, file %d\n", blocks[k], use_file);
            CHECK(two.rows > 5000);
            /* stopped by the callback halfway, on two threads */
            collect_t half;
            collect_init(&half);
            half.stop_after = (long)two.rows / 2;
            CHECK_EQ_INT(read_csv(doc->str, doc->len, delim, true, use_file, &half, &err), AIDSTAT_ERR_ABORTED);
            CHECK_EQ_INT(half.rows, (size_t)half.stop_after);
            CHECK(strncmp(half.text->str, two.text->str, half.text->len) == 0);
            collect_free(&half);
            collect_free(&one);
            collect_free(&two);
        }
    threads = 1;
    block_size = 0;
    collect_free(&want);
    g_string_free(doc, TRUE);
}

static void run_all(void)
{
    test_basic();
    test_bom_crlf();
    test_quotes();
    test_blank_lines();
    test_sniff();
    test_unclosed();
    test_stop();
    test_differential();
    test_big();
    test_huge_rows();
}

int main(void)
{
    run_all();
    test_blocks();
    /* again on two threads: the reader thread splits, this one collects */
    threads = 2;
    run_all();
    /* and in small blocks, so that rows are cut by block ends */
    block_size = 1024;
    run_all();
    return testlib_done("test-csv");
}
