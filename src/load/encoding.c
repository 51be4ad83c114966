/* Input text to UTF-8, one chunk at a time (see encoding.h for the rule
 * that detects ISO-8859-1 and Windows-1252). */
#include "config.h"
#include "load/encoding.h"
#include "data/error.h"
#include "data/tally.h"

#include <errno.h>
#include <glib.h>
#include <stdint.h>
#include <string.h>

struct aid_decoder {
    char *name;     /* for messages */
    char *encoding; /* for people: "ISO-8859-1" */
    const char *how;
    bool detect;   /* no encoding given */
    bool started;  /* the byte-order mark has been looked for */
    bool nonascii; /* valid non-ASCII UTF-8 seen (so not Latin-1) */
    long nonascii_line;
    GIConv cd;  /* (GIConv)-1 while reading UTF-8 as it is */
    bool latin; /* detected ISO-8859-1, may still become Windows-1252 */
    char *buf;
    size_t cap;
    long line, col; /* after the text given out so far: 1-based line, characters on it */
    long sw_line, sw_col;
    unsigned sw_byte;
    bool double_bom;          /* a second UTF-8 byte-order mark was skipped */
    size_t zero_pairs, pairs; /* UTF-16 without a mark: the pairs that told it, of all looked at */
};

static const struct {
    const char *alias, *display, *iconv;
} known[] = {
    {"utf-8", "UTF-8", "UTF-8"},
    {"utf8", "UTF-8", "UTF-8"},
    {"latin1", "ISO-8859-1", "ISO-8859-1"},
    {"latin-1", "ISO-8859-1", "ISO-8859-1"},
    {"iso-8859-1", "ISO-8859-1", "ISO-8859-1"},
    {"iso8859-1", "ISO-8859-1", "ISO-8859-1"},
    {"iso_8859-1", "ISO-8859-1", "ISO-8859-1"},
    {"cp1252", "Windows-1252", "WINDOWS-1252"},
    {"windows-1252", "Windows-1252", "WINDOWS-1252"},
    {"win1252", "Windows-1252", "WINDOWS-1252"},
};

#define NO_ICONV ((GIConv)-1)

aid_decoder_t *aid_decoder_new(const char *name, const char *encoding, aidstat_error_t *err)
{
    aid_decoder_t *d = g_new0(aid_decoder_t, 1);
    d->name = g_strdup(name);
    d->cd = NO_ICONV;
    d->line = 1;
    if (!encoding || !encoding[0] || g_ascii_strcasecmp(encoding, "auto") == 0) {
        d->detect = true;
        d->encoding = g_strdup("UTF-8");
        d->how = "default";
        return d;
    }
    d->how = "declared";
    const char *conv = encoding;
    for (size_t i = 0; i < G_N_ELEMENTS(known); i++)
        if (g_ascii_strcasecmp(encoding, known[i].alias) == 0) {
            d->encoding = g_strdup(known[i].display);
            conv = known[i].iconv;
        }
    if (!d->encoding)
        d->encoding = g_ascii_strup(encoding, -1);
    if (strcmp(conv, "UTF-8") == 0)
        return d;
    d->cd = g_iconv_open("UTF-8", conv);
    if (d->cd == NO_ICONV) {
        aid_error_set(err, AIDSTAT_ERR_USAGE, NULL, 0, 0,
                      "unknown encoding \"%s\" (iconv has no converter from it to UTF-8; "
                      "try UTF-8, ISO-8859-1, Windows-1252, UTF-16)",
                      encoding);
        aid_decoder_free(d);
        return NULL;
    }
    return d;
}

void aid_decoder_free(aid_decoder_t *d)
{
    if (!d)
        return;
    if (d->cd != NO_ICONV)
        g_iconv_close(d->cd);
    g_free(d->name);
    g_free(d->encoding);
    g_free(d->buf);
    g_free(d);
}

const char *aid_decoder_encoding(const aid_decoder_t *d)
{
    return d->encoding;
}

const char *aid_decoder_how(const aid_decoder_t *d)
{
    return d->how;
}

long aid_decoder_switch_line(const aid_decoder_t *d, long *column, unsigned *byte)
{
    if (column)
        *column = d->sw_col;
    if (byte)
        *byte = d->sw_byte;
    return d->sw_line;
}

/* Move the position over UTF-8 text. */
static void advance(aid_decoder_t *d, const char *s, size_t n)
{
    const char *p = s, *end = s + n, *nl;
    while ((nl = memchr(p, '\n', (size_t)(end - p)))) {
        d->line++;
        d->col = 0;
        p = nl + 1;
    }
    for (; p < end; p++)
        if (((unsigned char)*p & 0xC0) != 0x80)
            d->col++;
}

/* The first byte from p that is not valid UTF-8 (end when none); NUL
 * bytes, which g_utf8_validate stops at, are let through. */
static char *utf8_bad(char *p, char *end)
{
    while (p < end) {
        /* most data is ASCII (NUL included): skip it eight bytes at a time
         * (memcpy keeps the loads alignment-safe) */
        while (end - p >= 8) {
            uint64_t w;
            memcpy(&w, p, 8);
            if (w & UINT64_C(0x8080808080808080))
                break;
            p += 8;
        }
        while (p < end && !((unsigned char)*p & 0x80))
            p++;
        if (p == end)
            break;
        /* one multi-byte character: invalid, or cut by the end (-2) */
        gunichar c = g_utf8_get_char_validated(p, end - p);
        if (c == (gunichar)-1 || c == (gunichar)-2)
            return p;
        p = g_utf8_next_char(p);
    }
    return end;
}

static void reserve(aid_decoder_t *d, size_t need)
{
    if (need > d->cap) {
        d->cap = MAX(need, d->cap * 2);
        d->buf = g_realloc(d->buf, d->cap);
    }
}

/* Convert src through iconv, appending to d->buf from *off. Returns the
 * input bytes consumed, or (size_t)-1 after filling err. */
static size_t convert_iconv(aid_decoder_t *d, char *src, size_t n, bool last, size_t *off,
                            aidstat_error_t *err)
{
    size_t start = *off;
    reserve(d, *off + n * 4 + 16);
    gchar *ip = src;
    gsize il = n;
    for (;;) {
        gchar *op = d->buf + *off;
        gsize ol = d->cap - *off;
        gsize r = il ? g_iconv(d->cd, &ip, &il, &op, &ol) : (last ? g_iconv(d->cd, NULL, NULL, &op, &ol) : 0);
        *off = (size_t)(op - d->buf);
        if (r != (gsize)-1 && (il == 0))
            break;
        if (r == (gsize)-1 && errno == E2BIG) {
            reserve(d, d->cap * 2);
            continue;
        }
        if (r == (gsize)-1 && errno == EINVAL && !last)
            break; /* a character cut by the chunk's end: next time */
        advance(d, d->buf + start, *off - start);
        if (r == (gsize)-1 && errno == EINVAL) {
            aid_error_set(err, AIDSTAT_ERR_INPUT, d->name, d->line, d->col + 1,
                          "the file ends inside a %s character", d->encoding);
        } else {
            aid_error_set(err, AIDSTAT_ERR_INPUT, d->name, d->line, d->col + 1,
                          "byte 0x%02X is not a character in %s (column counts characters)",
                          (unsigned char)*ip, d->encoding);
        }
        return (size_t)-1;
    }
    advance(d, d->buf + start, *off - start);
    return n - il;
}

/* Detected ISO-8859-1 turns into Windows-1252 at the first byte in
 * 0x80-0x9F: until then both read every byte alike. */
static bool check_cp1252(aid_decoder_t *d, const char *s, size_t n, aidstat_error_t *err)
{
    if (!d->latin)
        return true;
    for (size_t i = 0; i < n; i++) {
        unsigned char b = (unsigned char)s[i];
        if (b >= 0x80 && b <= 0x9F) {
            g_iconv_close(d->cd);
            d->cd = g_iconv_open("UTF-8", "WINDOWS-1252");
            d->latin = false;
            g_free(d->encoding);
            d->encoding = g_strdup("Windows-1252");
            if (d->cd == NO_ICONV) {
                aid_error_set(err, AIDSTAT_ERR_INPUT, d->name, 0, 0,
                              "iconv cannot convert Windows-1252 to UTF-8");
                return false;
            }
            return true;
        }
    }
    return true;
}

/* Bytes looked at before the first block is decoded: enough for two
 * UTF-8 byte-order marks, and for the zero bytes of a UTF-16 header. */
enum { SNIFF = 256 };

static aidstat_status_t use_iconv(aid_decoder_t *d, const char *enc, const char *how, aidstat_error_t *err)
{
    d->cd = g_iconv_open("UTF-8", enc);
    if (d->cd == NO_ICONV)
        return aid_error_set(err, AIDSTAT_ERR_INPUT, d->name, 0, 0, "iconv cannot convert %s to UTF-8", enc);
    g_free(d->encoding);
    d->encoding = g_strdup(enc);
    d->how = how;
    return AIDSTAT_OK;
}

/* UTF-16 without a byte-order mark: text in the Latin range has a zero
 * byte in every pair, second (LE) or first (BE). A header line is such
 * text; NUL bytes alone (zero pairs) say nothing. "LE", "BE" or NULL. */
static const char *utf16_zeros(const unsigned char *b, size_t n, size_t *zeros, size_t *pairs)
{
    size_t le = 0, be = 0, all = 0;
    for (size_t i = 0; i + 1 < n; i += 2) {
        all++;
        if (b[i] && !b[i + 1])
            le++;
        else if (!b[i] && b[i + 1])
            be++;
    }
    *pairs = all;
    *zeros = MAX(le, be);
    /* three pairs in four of one kind, none of the other, four at least */
    if (le >= 4 && !be && le * 4 >= all * 3)
        return "UTF-16LE";
    if (be >= 4 && !le && be * 4 >= all * 3)
        return "UTF-16BE";
    return NULL;
}

/* The start of the input: a byte-order mark (UTF-8, once or twice;
 * UTF-32 before UTF-16, whose mark starts UTF-32LE's), or UTF-16's zero
 * bytes; *p moves past a mark. */
static aidstat_status_t start(aid_decoder_t *d, char **p, size_t len, aidstat_error_t *err)
{
    const char *b = *p;
    bool utf8 = d->detect || (d->cd == NO_ICONV);
    if (utf8 && len >= 3 && memcmp(b, "\xEF\xBB\xBF", 3) == 0) {
        *p += 3;
        if (len >= 6 && memcmp(b + 3, "\xEF\xBB\xBF", 3) == 0) {
            *p += 3; /* written twice by a tool that added one to text that had one */
            d->double_bom = true;
        }
        if (d->detect)
            d->how = "byte-order mark";
        d->nonascii = d->detect;
        d->nonascii_line = 1;
        return AIDSTAT_OK;
    }
    if (!d->detect)
        return AIDSTAT_OK;
    if (len >= 4 && memcmp(b, "\xFF\xFE\0\0", 4) == 0) {
        *p += 4;
        return use_iconv(d, "UTF-32LE", "byte-order mark", err);
    }
    if (len >= 4 && memcmp(b, "\0\0\xFE\xFF", 4) == 0) {
        *p += 4;
        return use_iconv(d, "UTF-32BE", "byte-order mark", err);
    }
    if (len >= 2 && (memcmp(b, "\xFF\xFE", 2) == 0 || memcmp(b, "\xFE\xFF", 2) == 0)) {
        *p += 2;
        return use_iconv(d, b[0] == '\xFF' ? "UTF-16LE" : "UTF-16BE", "byte-order mark", err);
    }
    size_t zeros, pairs;
    const char *enc = utf16_zeros((const unsigned char *)b, MIN(len, (size_t)SNIFF), &zeros, &pairs);
    if (enc) {
        d->zero_pairs = zeros;
        d->pairs = pairs;
        return use_iconv(d, enc, "detected", err);
    }
    return AIDSTAT_OK;
}

aidstat_status_t aid_decoder_convert(aid_decoder_t *d, char *in, size_t len, bool last, char **out,
                                     size_t *outlen, size_t *used, aidstat_error_t *err)
{
    char *p = in, *end = in + len;
    *out = in;
    *outlen = 0;
    *used = 0;
    if (!d->started) {
        if (len < SNIFF && !last)
            return AIDSTAT_OK; /* too little to see a byte-order mark: wait */
        d->started = true;
        aidstat_status_t st = start(d, &p, len, err);
        if (st != AIDSTAT_OK)
            return st;
    }
    if (d->cd != NO_ICONV) {
        if (!check_cp1252(d, p, (size_t)(end - p), err))
            return err ? err->code : AIDSTAT_ERR_INPUT;
        size_t off = 0;
        size_t n = convert_iconv(d, p, (size_t)(end - p), last, &off, err);
        if (n == (size_t)-1)
            return AIDSTAT_ERR_INPUT;
        *out = d->buf;
        *outlen = off;
        *used = (size_t)(p - in) + n;
        return AIDSTAT_OK;
    }

    /* UTF-8 as it is: check it */
    char *bad = utf8_bad(p, end);
    if (!d->nonascii) {
        for (char *q = p; q < bad; q++)
            if ((unsigned char)*q & 0x80) {
                d->nonascii = true;
                long line = d->line;
                const char *s = p, *nl;
                while ((nl = memchr(s, '\n', (size_t)(q - s)))) {
                    line++;
                    s = nl + 1;
                }
                d->nonascii_line = line;
                break;
            }
    }
    size_t left = (size_t)(end - bad);
    if (bad == end || (!last && left < 4 && g_utf8_get_char_validated(bad, (gssize)left) == (gunichar)-2)) {
        advance(d, p, (size_t)(bad - p));
        *out = p;
        *outlen = (size_t)(bad - p);
        *used = (size_t)(bad - in);
        return AIDSTAT_OK;
    }
    advance(d, p, (size_t)(bad - p));
    unsigned char b = (unsigned char)*bad;
    if (!d->detect)
        return aid_error_set(err, AIDSTAT_ERR_INPUT, d->name, d->line, d->col + 1,
                             "invalid UTF-8: byte 0x%02X (the encoding was given as UTF-8; "
                             "column counts characters)",
                             b);
    if (d->nonascii)
        return aid_error_set(err, AIDSTAT_ERR_INPUT, d->name, d->line, d->col + 1,
                             "invalid UTF-8: byte 0x%02X, in a file with UTF-8 text before it "
                             "(from line %ld), so not Latin-1 either; give the encoding with "
                             "\001encoding\002 if it is another (column counts characters)",
                             b, d->nonascii_line);
    /* everything before was ASCII: Latin-1 (or Windows-1252) from here */
    d->sw_line = d->line;
    d->sw_col = d->col + 1;
    d->sw_byte = b;
    d->how = "detected";
    d->latin = true;
    g_free(d->encoding);
    d->encoding = g_strdup("ISO-8859-1");
    d->cd = g_iconv_open("UTF-8", "ISO-8859-1");
    if (d->cd == NO_ICONV)
        return aid_error_set(err, AIDSTAT_ERR_INPUT, d->name, 0, 0,
                             "iconv cannot convert ISO-8859-1 to UTF-8");
    if (!check_cp1252(d, bad, left, err))
        return err ? err->code : AIDSTAT_ERR_INPUT;
    size_t ascii = (size_t)(bad - p);
    reserve(d, ascii + left * 4 + 16);
    memcpy(d->buf, p, ascii);
    size_t off = ascii;
    size_t n = convert_iconv(d, bad, left, last, &off, err);
    if (n == (size_t)-1)
        return AIDSTAT_ERR_INPUT;
    *out = d->buf;
    *outlen = off;
    *used = (size_t)(bad - in) + n;
    return AIDSTAT_OK;
}

void aid_encoding_report(const aid_decoder_t *d, aidstat_load_report_t *r)
{
    aid_tally_encoding(r, d->encoding, d->how);
    if (d->double_bom)
        aid_tally_note(r, "two UTF-8 byte-order marks at the start of the file: both skipped");
    if (d->zero_pairs)
        aid_tally_note(r,
                       "no byte-order mark: read as %s, since %zu of the first %zu byte pairs "
                       "have a zero %s byte",
                       d->encoding, d->zero_pairs, d->pairs,
                       strcmp(d->encoding, "UTF-16LE") == 0 ? "second" : "first");
    if (d->sw_line && strcmp(d->encoding, "Windows-1252") == 0)
        aid_tally_note(r,
                       "not UTF-8: byte 0x%02X at line %ld, column %ld is the first that is not, after "
                       "ASCII text only: read as %s (bytes in 0x80-0x9F are characters there, control "
                       "codes in ISO-8859-1)",
                       d->sw_byte, d->sw_line, d->sw_col, d->encoding);
    else if (d->sw_line)
        aid_tally_note(r,
                       "not UTF-8: byte 0x%02X at line %ld, column %ld is the first that is not, after "
                       "ASCII text only: read as %s (no byte in 0x80-0x9F, where Windows-1252 would "
                       "differ)",
                       d->sw_byte, d->sw_line, d->sw_col, d->encoding);
}
