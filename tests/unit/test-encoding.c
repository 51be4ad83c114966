/* The decoder: detection rule, declared encodings, errors with positions,
 * and characters cut at every possible chunk boundary. */
#include "config.h"
#include "load/csv.h"
#include "load/encoding.h"
#include "testlib.h"

#include <glib.h>
#include <string.h>

/* Decode text fed in chunks of `step` bytes (carrying undecoded bytes as
 * the CSV reader does); returns the UTF-8 text or NULL with err. */
static char *decode(const char *enc, const char *in, size_t len, size_t step, aidstat_error_t *err,
                    char **name_out, const char **how_out)
{
    aid_decoder_t *d = aid_decoder_new("t.csv", enc, err);
    if (!d)
        return NULL;
    GString *out = g_string_new(NULL);
    char *buf = g_malloc(len + step + 8);
    size_t carry = 0, pos = 0;
    for (;;) {
        size_t got = MIN(step, len - pos);
        memcpy(buf + carry, in + pos, got);
        pos += got;
        size_t n = carry + got;
        bool last = pos == len;
        char *text;
        size_t tlen, used;
        if (aid_decoder_convert(d, buf, n, last, &text, &tlen, &used, err) != AIDSTAT_OK) {
            g_string_free(out, TRUE);
            out = NULL;
            break;
        }
        g_string_append_len(out, text, (gssize)tlen);
        if (last)
            break;
        carry = n - used;
        memmove(buf, buf + used, carry);
    }
    if (name_out)
        *name_out = g_strdup(aid_decoder_encoding(d));
    if (how_out)
        *how_out = aid_decoder_how(d);
    aid_decoder_free(d);
    g_free(buf);
    return out ? g_string_free(out, FALSE) : NULL;
}

static void test_chunks(void)
{
    static const struct {
        const char *enc, *in, *want, *name, *how;
    } cases[] = {
        {NULL, "a,b\nT\xc3\xbcrkiye,\xe2\x82\xac\n", "a,b\nT\xc3\xbcrkiye,\xe2\x82\xac\n", "UTF-8",
         "default"},
        {NULL, "a,b\nT\xfcrkiye,1\n", "a,b\nT\xc3\xbcrkiye,1\n", "ISO-8859-1", "detected"},
        {NULL, "a\nx\x80y\xfc\n", "a\nx\xe2\x82\xacy\xc3\xbc\n", "Windows-1252", "detected"},
        {NULL,
         "\xef\xbb\xbf"
         "a\n\xc3\xa9\n",
         "a\n\xc3\xa9\n", "UTF-8", "byte-order mark"},
        {NULL,
         "\xff\xfe"
         "a\0\n\0\xfc\0",
         "a\n\xc3\xbc", "UTF-16LE", "byte-order mark"},
        {"latin1", "\xe9t\xe9\n", "\xc3\xa9t\xc3\xa9\n", "ISO-8859-1", "declared"},
        {"cp1252", "\x93q\x94\n", "\xe2\x80\x9cq\xe2\x80\x9d\n", "Windows-1252", "declared"},
        {"UTF-8", "x\0y\n", "x\0y\n", "UTF-8", "declared"},
    };
    for (size_t i = 0; i < G_N_ELEMENTS(cases); i++) {
        size_t len = strlen(cases[i].in);
        if (i == 4)
            len = 8;
        if (i == 7)
            len = 4;
        size_t wlen = i == 7 ? 4 : strlen(cases[i].want);
        for (size_t step = 1; step <= len + 1; step++) {
            aidstat_error_t err = {0};
            char *name = NULL;
            const char *how = NULL;
            char *got = decode(cases[i].enc, cases[i].in, len, step, &err, &name, &how);
            CHECK(got != NULL);
            if (got) {
                CHECK(memcmp(got, cases[i].want, wlen) == 0);
                CHECK_EQ_STR(name, cases[i].name);
                CHECK_EQ_STR(how, cases[i].how);
            }
            g_free(got);
            g_free(name);
        }
    }
}

/* Encodings told by their first bytes: UTF-32 marks (UTF-32LE's starts
 * like UTF-16LE's), UTF-16 without a mark by its zero bytes, a doubled
 * UTF-8 mark; at every chunk size. */
static void test_marks(void)
{
#define IN(s) s, sizeof s - 1
    static const struct {
        const char *in;
        size_t len;
        const char *want, *name, *how;
    } cases[] = {
        {IN("\xff\xfe\0\0"
            "a\0\0\0\n\0\0\0\xac\x20\0\0"),
         "a\n\xe2\x82\xac", "UTF-32LE", "byte-order mark"},
        {IN("\0\0\xfe\xff"
            "\0\0\0a\0\0\0\n\0\0\x20\xac"),
         "a\n\xe2\x82\xac", "UTF-32BE", "byte-order mark"},
        {IN("\xfe\xff"
            "\0a\0\n"),
         "a\n", "UTF-16BE", "byte-order mark"},
        {IN("d\0o\0n\0o\0r\0\n\0\xfc\0"), "donor\n\xc3\xbc", "UTF-16LE", "detected"},
        {IN("\0d\0o\0n\0o\0r\0\n\x20\xac"), "donor\n\xe2\x82\xac", "UTF-16BE", "detected"},
        {IN("\xef\xbb\xbf\xef\xbb\xbf"
            "a\n"),
         "a\n", "UTF-8", "byte-order mark"},
        /* NUL bytes alone, or three pairs, are no UTF-16 */
        {IN("\0\0\0\0\0\0\0\0\0\0"), "\0\0\0\0\0\0\0\0\0\0", "UTF-8", "default"},
        {IN("a\0b\0c\0"), "a\0b\0c\0", "UTF-8", "default"},
    };
#undef IN
    for (size_t i = 0; i < G_N_ELEMENTS(cases); i++) {
        size_t len = cases[i].len;
        size_t wlen = i >= 6 ? len : strlen(cases[i].want);
        for (size_t step = 1; step <= len + 1; step++) {
            aidstat_error_t err = {0};
            char *name = NULL;
            const char *how = NULL;
            char *got = decode(NULL, cases[i].in, len, step, &err, &name, &how);
            CHECK(got != NULL);
            if (got) {
                CHECK(memcmp(got, cases[i].want, wlen) == 0);
                CHECK_EQ_STR(name, cases[i].name);
                CHECK_EQ_STR(how, cases[i].how);
            }
            g_free(got);
            g_free(name);
        }
    }
}

static void test_errors(void)
{
    aidstat_error_t err = {0};
    /* UTF-8 text first, then a Latin-1 byte: damaged UTF-8 */
    const char *in = "a,b\n\xc3\xa9,1\nx\xfc\n";
    for (size_t step = 1; step < 16; step++) {
        char *got = decode(NULL, in, strlen(in), step, &err, NULL, NULL);
        CHECK(got == NULL);
        CHECK_EQ_INT(err.code, AIDSTAT_ERR_INPUT);
        CHECK_EQ_INT(err.line, 3);
        CHECK_EQ_INT(err.column, 2);
        CHECK(g_str_has_prefix(
            err.message, "invalid UTF-8: byte 0xFC, in a file with UTF-8 text before it (from line 2)"));
    }
    CHECK(decode("utf-8", "ab\xfc", 3, 64, &err, NULL, NULL) == NULL);
    CHECK_EQ_INT(err.column, 3);
    CHECK_EQ_STR(err.message,
                 "invalid UTF-8: byte 0xFC (the encoding was given as UTF-8; column counts characters)");
    /* a UTF-8 sequence cut by the end of the file */
    CHECK(decode(NULL, "a\n\xc3\xa9\xc3", 5, 2, &err, NULL, NULL) == NULL);
    CHECK_EQ_INT(err.line, 2);
    CHECK_EQ_INT(err.column, 2);
    /* 0x81 is no character in Windows-1252 */
    CHECK(decode(NULL, "ab\n\x81x", 5, 64, &err, NULL, NULL) == NULL);
    CHECK_EQ_STR(err.message, "byte 0x81 is not a character in Windows-1252 (column counts characters)");
    CHECK_EQ_INT(err.line, 2);
    CHECK_EQ_INT(err.column, 1);
    CHECK(aid_decoder_new("t.csv", "no-such-encoding", &err) == NULL);
    CHECK_EQ_INT(err.code, AIDSTAT_ERR_USAGE);
}

static int count_rows(void *user, char **f, const size_t *lens, size_t n, long line)
{
    (void)lens;
    (void)line;
    GString *s = user;
    if (n >= 2)
        g_string_append_printf(s, "%s|", f[1]);
    return 0;
}

/* Through the CSV reader: Latin-1 rows across its 1 MiB blocks, and a
 * UTF-8 character cut by the first block's end. */
static void test_csv_blocks(void)
{
    GString *in = g_string_new("k,v\n");
    while (in->len < (1u << 20) - 1)
        g_string_append(in, "a,b\n");
    g_string_truncate(in, (1u << 20) - 4); /* "\n1,\xc3" ends block 1: its \xbc starts block 2 */
    g_string_append(in, "\n1,\xc3\xbc\n");
    aid_csv_t *c = aid_csv_new("big.csv", ',');
    GString *seen = g_string_new(NULL);
    aidstat_error_t err;
    CHECK_EQ_INT(aid_csv_read(c, NULL, in->str, in->len, count_rows, seen, &err), AIDSTAT_OK);
    CHECK(g_str_has_suffix(seen->str, "|\xc3\xbc|"));
    CHECK_EQ_STR(aid_decoder_encoding(aid_csv_decoder(c)), "UTF-8");
    aid_csv_free(c);
    /* the same with a Latin-1 byte: detected, converted */
    g_string_truncate(in, in->len - 3);
    g_string_append(in, "\xfc\n");
    g_string_truncate(seen, 0);
    c = aid_csv_new("big.csv", ',');
    CHECK_EQ_INT(aid_csv_read(c, NULL, in->str, in->len, count_rows, seen, &err), AIDSTAT_OK);
    CHECK(g_str_has_suffix(seen->str, "|\xc3\xbc|"));
    CHECK_EQ_STR(aid_decoder_encoding(aid_csv_decoder(c)), "ISO-8859-1");
    long col;
    unsigned byte;
    CHECK_EQ_INT(aid_decoder_switch_line(aid_csv_decoder(c), &col, &byte), 262145);
    CHECK_EQ_INT(col, 3);
    CHECK_EQ_INT(byte, 0xFC);
    aid_csv_free(c);
    g_string_free(seen, TRUE);
    g_string_free(in, TRUE);
}

int main(void)
{
    test_chunks();
    test_marks();
    test_errors();
    test_csv_blocks();
    return testlib_done("test-encoding");
}
