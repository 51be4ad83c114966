/* XLSX workbooks: libzip opens the archive, libxml2's xmlTextReader
 * streams each XML part, so memory follows the widest row and the shared
 * strings, not the sheet. Every zip entry is read through one callback
 * that counts bytes, which is where a zip bomb is stopped. */
#include "config.h"
#include "load/xlsx.h"
#include "data/error.h"

#include <errno.h>
#include <glib.h>
#include <inttypes.h>
#include <glib/gstdio.h>
#include <libxml/xmlreader.h>
#include <math.h>
#include <string.h>
#include <unistd.h>
#include <zip.h>

#define REL_NS "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
#define REL_NS_STRICT "http://purl.oclc.org/ooxml/officeDocument/relationships"
#define AID_XLSX_MAX_ROW_BYTES (64u << 20)

typedef struct {
    long col;
    size_t off, len;
    aid_xlsx_kind_t kind;
} cell_t;

struct aid_xlsx {
    char *name;
    zip_t *zip;
    aid_xlsx_limits_t lim;
    GPtrArray *sheet_names, *sheet_paths;
    /* a part's extent (long *, -1 when unreadable) by its path: sheet
     * entries may share a part, which is then read once */
    GHashTable *extents;
    unsigned parts_read;
    char *sst_path;
    bool sst_loaded, date1904;
    GStringChunk *sst_chunk;
    GPtrArray *sst; /* char *, in the chunk */
    /* the row being built */
    GString *rowbuf;
    GArray *cells; /* cell_t */
    char **fields;
    size_t *lens;
    aid_xlsx_kind_t *kinds;
    char *blank;
    size_t cap;
};

/* ----------------------------------------------------------- helpers */

void aid_xlsx_limits_init(aid_xlsx_limits_t *l)
{
    l->max_entry = AID_XLSX_MAX_ENTRY;
    l->max_ratio = AID_XLSX_MAX_RATIO;
    l->ratio_floor = 1u << 20;
    l->max_cols = AID_XLSX_MAX_COLS;
    l->max_strings = AID_XLSX_MAX_STRINGS;
    l->max_cell = AID_XLSX_MAX_CELL;
}

bool aid_xlsx_sniff(const void *buf, size_t len)
{
    const unsigned char *p = buf;
    return len >= 4 && p[0] == 'P' && p[1] == 'K' && ((p[2] == 3 && p[3] == 4) || (p[2] == 5 && p[3] == 6));
}

bool aid_xlsx_ref_parse(const char *ref, long *col, long *row)
{
    const char *p = ref;
    long c = 0, r = 0;
    int nl = 0, nd = 0;
    if (*p == '$')
        p++;
    for (; g_ascii_isalpha(*p) && nl < 4; p++, nl++)
        c = c * 26 + (g_ascii_toupper(*p) - 'A' + 1);
    if (*p == '$')
        p++;
    for (; g_ascii_isdigit(*p) && nd < 8; p++, nd++)
        r = r * 10 + (*p - '0');
    if (*p || nl == 0 || nl > 3 || nd == 0 || c > AID_XLSX_MAX_COLS || r < 1 || r > AID_XLSX_MAX_ROWS)
        return false;
    *col = c - 1;
    *row = r;
    return true;
}

char *aid_xlsx_col_name(long col, char *buf, size_t len)
{
    char tmp[8];
    size_t n = 0;
    for (long c = col + 1; c > 0 && n < sizeof tmp; c = (c - 1) / 26)
        tmp[n++] = (char)('A' + (c - 1) % 26);
    size_t k = 0;
    while (n && k + 1 < len)
        buf[k++] = tmp[--n];
    if (len)
        buf[k] = '\0';
    return buf;
}

bool aid_xlsx_serial_date(double serial, bool date1904, int *year, int *month, int *day)
{
    if (!isfinite(serial) || serial < 0 || serial >= 2958466) /* 9999-12-31 is 2958465 */
        return false;
    long s = (long)floor(serial);
    GDate d;
    if (date1904) {
        g_date_clear(&d, 1);
        g_date_set_dmy(&d, 1, G_DATE_JANUARY, 1904);
    } else {
        if (s < 1 || s == 60) /* day 0 and Lotus's 1900-02-29 are no dates */
            return false;
        g_date_clear(&d, 1);
        /* up to day 59 (1900-02-28) the count starts at 1899-12-31 */
        g_date_set_dmy(&d, s < 60 ? 31 : 30, G_DATE_DECEMBER, 1899);
    }
    g_date_add_days(&d, (guint)s);
    *year = g_date_get_year(&d);
    *month = g_date_get_month(&d);
    *day = g_date_get_day(&d);
    return true;
}

/* ----------------------------------------------------- reading entries */

/* "512 MiB" for whole mebibytes, else "500 bytes". */
static char *size_text(uint64_t n)
{
    if (n >= (1u << 20) && n % (1u << 20) == 0)
        return g_strdup_printf("%" G_GUINT64_FORMAT " MiB", (guint64)(n >> 20));
    return g_strdup_printf("%" G_GUINT64_FORMAT " bytes", (guint64)n);
}

typedef struct {
    aid_xlsx_t *x;
    const char *entry;
    zip_file_t *zf;
    uint64_t got, comp;
    bool failed;
    char why[320];
    char xmlerr[256];
    int xmlline;
} entry_t;

static int entry_read(void *ctx, char *buf, int len)
{
    entry_t *e = ctx;
    if (e->failed)
        return -1;
    zip_int64_t n = zip_fread(e->zf, buf, (zip_uint64_t)len);
    if (n < 0) {
        e->failed = true;
        snprintf(e->why, sizeof e->why, "%s: cannot read: %s", e->entry,
                 zip_error_strerror(zip_file_get_error(e->zf)));
        return -1;
    }
    e->got += (uint64_t)n;
    const aid_xlsx_limits_t *l = &e->x->lim;
    if (e->got > l->max_entry) {
        e->failed = true;
        char *lim = size_text(l->max_entry);
        snprintf(e->why, sizeof e->why,
                 "%s: more than %s uncompressed: refusing to read further (a zip bomb?)", e->entry, lim);
        g_free(lim);
        return -1;
    }
    if (e->got > l->ratio_floor && e->got > l->max_ratio * (double)(e->comp ? e->comp : 1)) {
        e->failed = true;
        snprintf(e->why, sizeof e->why,
                 "%s: expands more than %g times (%" PRIu64 " compressed bytes gave "
                 "more than %" PRIu64 "): refusing to read further (a zip bomb?)",
                 e->entry, l->max_ratio, e->comp, (guint64)(l->max_ratio * (double)e->comp));
        return -1;
    }
    return (int)n;
}

static void entry_xml_error(void *ctx, xmlErrorPtr error)
{
    entry_t *e = ctx;
    if (e->xmlerr[0] || !error)
        return;
    snprintf(e->xmlerr, sizeof e->xmlerr, "%s", error->message ? error->message : "XML error");
    g_strchomp(e->xmlerr);
    e->xmlline = error->line;
}

/* Open entry path of the archive as an XML reader; NULL with err filled
 * (or, when missing is non-NULL and the entry does not exist, NULL with
 * *missing set and err untouched). */
static xmlTextReaderPtr entry_open(aid_xlsx_t *x, const char *path, entry_t *e, bool *missing,
                                   aidstat_error_t *err)
{
    memset(e, 0, sizeof *e);
    e->x = x;
    e->entry = path;
    zip_stat_t st;
    zip_stat_init(&st);
    zip_int64_t idx = zip_name_locate(x->zip, path, 0);
    if (idx < 0 || zip_stat_index(x->zip, (zip_uint64_t)idx, 0, &st) != 0) {
        if (missing) {
            *missing = true;
            return NULL;
        }
        aid_error_set(err, AIDSTAT_ERR_INPUT, x->name, 0, 0,
                      "not a valid XLSX workbook: the archive has no %s", path);
        return NULL;
    }
    if (st.valid & ZIP_STAT_SIZE) {
        if (st.size > x->lim.max_entry) {
            char *lim = size_text(x->lim.max_entry);
            aid_error_set(err, AIDSTAT_ERR_INPUT, x->name, 0, 0,
                          "%s: declares %" PRIu64 " bytes uncompressed, more than the "
                          "limit of %s: refusing to read it (a zip bomb?)",
                          path, (guint64)st.size, lim);
            g_free(lim);
            return NULL;
        }
        if ((st.valid & ZIP_STAT_COMP_SIZE) && st.size > x->lim.ratio_floor &&
            (double)st.size > x->lim.max_ratio * (double)(st.comp_size ? st.comp_size : 1)) {
            aid_error_set(err, AIDSTAT_ERR_INPUT, x->name, 0, 0,
                          "%s: declares %" PRIu64 " bytes from %" PRIu64
                          " compressed, more than %g times: refusing to read it (a zip bomb?)",
                          path, (guint64)st.size, (guint64)st.comp_size, x->lim.max_ratio);
            return NULL;
        }
    }
    e->comp = (st.valid & ZIP_STAT_COMP_SIZE) ? st.comp_size : 0;
    e->zf = zip_fopen_index(x->zip, (zip_uint64_t)idx, 0);
    if (!e->zf) {
        aid_error_set(err, AIDSTAT_ERR_INPUT, x->name, 0, 0, "%s: cannot open: %s", path,
                      zip_strerror(x->zip));
        return NULL;
    }
    /* no network, no entity expansion (the default), no messages on stderr */
    xmlTextReaderPtr r = xmlReaderForIO(entry_read, NULL, e, path, NULL,
                                        XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
    if (!r) {
        zip_fclose(e->zf);
        e->zf = NULL;
        if (e->failed)
            aid_error_set(err, AIDSTAT_ERR_INPUT, x->name, 0, 0, "%s", e->why);
        else
            aid_error_set(err, AIDSTAT_ERR_NOMEM, x->name, 0, 0, "%s: cannot start the XML reader", path);
        return NULL;
    }
    xmlTextReaderSetStructuredErrorHandler(r, entry_xml_error, e);
    x->parts_read++;
    return r;
}

static void entry_close(xmlTextReaderPtr r, entry_t *e)
{
    if (r)
        xmlFreeTextReader(r);
    if (e->zf)
        zip_fclose(e->zf);
    e->zf = NULL;
}

/* After xmlTextReaderRead returned -1, or a DTD was found: the message. */
static aidstat_status_t entry_fail(entry_t *e, const char *where, aidstat_error_t *err)
{
    const char *file = where ? where : e->x->name;
    if (e->failed)
        return aid_error_set(err, AIDSTAT_ERR_INPUT, file, 0, 0, "%s", e->why);
    if (e->xmlerr[0] && e->xmlline > 0)
        return aid_error_set(err, AIDSTAT_ERR_INPUT, file, 0, 0, "%s:%d: malformed XML: %s", e->entry,
                             e->xmlline, e->xmlerr);
    if (e->xmlerr[0])
        return aid_error_set(err, AIDSTAT_ERR_INPUT, file, 0, 0, "%s: malformed XML: %s", e->entry,
                             e->xmlerr);
    return aid_error_set(err, AIDSTAT_ERR_INPUT, file, 0, 0, "%s: malformed XML", e->entry);
}

/* Step the reader; 1 on a node, 0 at the end, -1 on an error. Document
 * type declarations are refused: a workbook part has no use for one, and
 * that closes the door on entity tricks. */
static int step(xmlTextReaderPtr r, entry_t *e)
{
    int k = xmlTextReaderRead(r);
    if (k == 1 && xmlTextReaderNodeType(r) == XML_READER_TYPE_DOCUMENT_TYPE) {
        snprintf(e->xmlerr, sizeof e->xmlerr, "a document type declaration (not allowed here)");
        e->xmlline = 0;
        return -1;
    }
    return k;
}

static const char *lname(xmlTextReaderPtr r)
{
    const xmlChar *n = xmlTextReaderConstLocalName(r);
    return n ? (const char *)n : "";
}

static char *attr(xmlTextReaderPtr r, const char *name)
{
    xmlChar *v = xmlTextReaderGetAttribute(r, (const xmlChar *)name);
    if (!v)
        return NULL;
    char *s = g_strdup((const char *)v);
    xmlFree(v);
    return s;
}

static char *attr_ns(xmlTextReaderPtr r, const char *name)
{
    xmlChar *v = xmlTextReaderGetAttributeNs(r, (const xmlChar *)name, (const xmlChar *)REL_NS);
    if (!v)
        v = xmlTextReaderGetAttributeNs(r, (const xmlChar *)name, (const xmlChar *)REL_NS_STRICT);
    if (!v)
        return NULL;
    char *s = g_strdup((const char *)v);
    xmlFree(v);
    return s;
}

/* A relationship target, relative to base_dir ("xl"), as an entry name. */
static char *resolve(const char *base_dir, const char *target)
{
    char *joined = target[0] == '/'
                       ? g_strdup(target + 1)
                       : (base_dir[0] ? g_strconcat(base_dir, "/", target, NULL) : g_strdup(target));
    char **parts = g_strsplit(joined, "/", -1);
    GPtrArray *out = g_ptr_array_new();
    for (char **p = parts; *p; p++) {
        if (!**p || !strcmp(*p, "."))
            continue;
        if (!strcmp(*p, "..")) {
            if (out->len)
                g_ptr_array_remove_index(out, out->len - 1);
            continue;
        }
        g_ptr_array_add(out, *p);
    }
    g_ptr_array_add(out, NULL);
    char *s = g_strjoinv("/", (char **)out->pdata);
    g_ptr_array_free(out, TRUE);
    g_strfreev(parts);
    g_free(joined);
    return s;
}

static bool ends_with(const char *s, const char *suffix)
{
    size_t a = strlen(s), b = strlen(suffix);
    return a >= b && strcmp(s + a - b, suffix) == 0;
}

/* Read a .rels part: Id -> resolved target, and the first target of a type
 * ending in type_suffix into *typed (if asked). A missing part is empty. */
static aidstat_status_t read_rels(aid_xlsx_t *x, const char *path, const char *base_dir, GHashTable *ids,
                                  const char *type_suffix, char **typed, aidstat_error_t *err)
{
    entry_t e;
    bool missing = false;
    xmlTextReaderPtr r = entry_open(x, path, &e, &missing, err);
    if (!r)
        return missing ? AIDSTAT_OK : err->code;
    int k;
    while ((k = step(r, &e)) == 1) {
        if (xmlTextReaderNodeType(r) != XML_READER_TYPE_ELEMENT || strcmp(lname(r), "Relationship"))
            continue;
        char *id = attr(r, "Id"), *target = attr(r, "Target"), *type = attr(r, "Type");
        char *mode = attr(r, "TargetMode");
        if (id && target && !(mode && !strcmp(mode, "External"))) {
            char *res = resolve(base_dir, target);
            if (typed && type_suffix && type && !*typed && ends_with(type, type_suffix))
                *typed = g_strdup(res);
            if (ids)
                g_hash_table_replace(ids, g_strdup(id), res);
            else
                g_free(res);
        }
        g_free(id);
        g_free(target);
        g_free(type);
        g_free(mode);
    }
    aidstat_status_t st = k < 0 ? entry_fail(&e, NULL, err) : AIDSTAT_OK;
    entry_close(r, &e);
    return st;
}

static aidstat_status_t read_workbook(aid_xlsx_t *x, aidstat_error_t *err)
{
    char *wb = NULL;
    aidstat_status_t st = read_rels(x, "_rels/.rels", "", NULL, "/officeDocument", &wb, err);
    if (st != AIDSTAT_OK) {
        g_free(wb); /* found before the part broke off */
        return st;
    }
    if (!wb)
        wb = g_strdup("xl/workbook.xml");
    char *dir = g_path_get_dirname(wb);
    if (!strcmp(dir, ".")) {
        g_free(dir);
        dir = g_strdup("");
    }
    char *base = g_path_get_basename(wb);
    char *rels =
        dir[0] ? g_strdup_printf("%s/_rels/%s.rels", dir, base) : g_strdup_printf("_rels/%s.rels", base);
    GHashTable *ids = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, g_free);
    GPtrArray *rids = g_ptr_array_new_with_free_func(g_free);
    st = read_rels(x, rels, dir, ids, "/sharedStrings", &x->sst_path, err);
    if (st != AIDSTAT_OK)
        goto out;

    entry_t e;
    xmlTextReaderPtr r = entry_open(x, wb, &e, NULL, err);
    if (!r) {
        st = err->code;
        goto out;
    }
    int k;
    while ((k = step(r, &e)) == 1) {
        if (xmlTextReaderNodeType(r) != XML_READER_TYPE_ELEMENT)
            continue;
        const char *n = lname(r);
        if (!strcmp(n, "workbookPr")) {
            char *v = attr(r, "date1904");
            x->date1904 = v && (!strcmp(v, "1") || !g_ascii_strcasecmp(v, "true"));
            g_free(v);
        } else if (!strcmp(n, "sheet")) {
            char *name = attr(r, "name"), *rid = attr_ns(r, "id");
            if (!name || !rid) {
                aid_error_set(err, AIDSTAT_ERR_INPUT, x->name, 0, 0,
                              "%s: a sheet without a name or relationship id", wb);
                g_free(name);
                g_free(rid);
                st = AIDSTAT_ERR_INPUT;
                break;
            }
            if (x->sheet_names->len == AID_XLSX_MAX_SHEETS) {
                aid_error_set(err, AIDSTAT_ERR_INPUT, x->name, 0, 0, "%s lists more than %d sheets", wb,
                              AID_XLSX_MAX_SHEETS);
                g_free(name);
                g_free(rid);
                st = AIDSTAT_ERR_INPUT;
                break;
            }
            g_ptr_array_add(x->sheet_names, name);
            g_ptr_array_add(rids, rid);
        }
    }
    if (st == AIDSTAT_OK && k < 0)
        st = entry_fail(&e, NULL, err);
    entry_close(r, &e);
    if (st != AIDSTAT_OK)
        goto out;
    if (x->sheet_names->len == 0) {
        st = aid_error_set(err, AIDSTAT_ERR_INPUT, x->name, 0, 0, "%s lists no sheets", wb);
        goto out;
    }
    for (guint i = 0; i < rids->len; i++) {
        const char *target = g_hash_table_lookup(ids, rids->pdata[i]);
        if (!target) {
            st = aid_error_set(err, AIDSTAT_ERR_INPUT, x->name, 0, 0,
                               "sheet \"%s\": %s has no relationship \"%s\"",
                               (char *)x->sheet_names->pdata[i], rels, (char *)rids->pdata[i]);
            goto out;
        }
        g_ptr_array_add(x->sheet_paths, g_strdup(target));
    }
out:
    g_ptr_array_free(rids, TRUE);
    g_hash_table_destroy(ids);
    g_free(rels);
    g_free(base);
    g_free(dir);
    g_free(wb);
    return st;
}

static aid_xlsx_t *finish_open(aid_xlsx_t *x, aidstat_error_t *err)
{
    if (read_workbook(x, err) != AIDSTAT_OK) {
        aid_xlsx_close(x);
        return NULL;
    }
    return x;
}

static aid_xlsx_t *xlsx_new(const char *name, const aid_xlsx_limits_t *limits)
{
    xmlInitParser();
    aid_xlsx_t *x = g_new0(aid_xlsx_t, 1);
    x->name = g_strdup(name);
    if (limits)
        x->lim = *limits;
    else
        aid_xlsx_limits_init(&x->lim);
    x->sheet_names = g_ptr_array_new_with_free_func(g_free);
    x->sheet_paths = g_ptr_array_new_with_free_func(g_free);
    x->extents = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, g_free);
    x->rowbuf = g_string_new(NULL);
    x->cells = g_array_new(FALSE, FALSE, sizeof(cell_t));
    return x;
}

static void zip_open_error(const char *name, int code, bool looks_zip, aidstat_error_t *err)
{
    if (code == ZIP_ER_NOZIP && looks_zip) {
        aid_error_set(err, AIDSTAT_ERR_INPUT, name, 0, 0,
                      "damaged zip archive (truncated?): it starts like one but has no "
                      "central directory at its end");
    } else if (code == ZIP_ER_NOZIP) {
        aid_error_set(err, AIDSTAT_ERR_INPUT, name, 0, 0, "not a zip archive, so not an XLSX workbook");
    } else if (code == ZIP_ER_INCONS || code == ZIP_ER_EOF || code == ZIP_ER_READ) {
        zip_error_t ze;
        zip_error_init_with_code(&ze, code);
        aid_error_set(err, AIDSTAT_ERR_INPUT, name, 0, 0, "damaged zip archive (truncated?): %s",
                      zip_error_strerror(&ze));
        zip_error_fini(&ze);
    } else {
        zip_error_t ze;
        zip_error_init_with_code(&ze, code);
        aid_error_set(err, AIDSTAT_ERR_INPUT, name, 0, 0, "cannot open as a zip archive: %s",
                      zip_error_strerror(&ze));
        zip_error_fini(&ze);
    }
}

aid_xlsx_t *aid_xlsx_open(const char *path, const char *name, const aid_xlsx_limits_t *limits,
                          aidstat_error_t *err)
{
    int code = 0;
    zip_t *z = zip_open(path, ZIP_RDONLY | ZIP_CHECKCONS, &code);
    if (!z) {
        unsigned char head[4] = {0};
        FILE *fp = fopen(path, "rb");
        size_t got = fp ? fread(head, 1, sizeof head, fp) : 0;
        if (fp)
            fclose(fp);
        zip_open_error(name ? name : path, code, aid_xlsx_sniff(head, got), err);
        return NULL;
    }
    aid_xlsx_t *x = xlsx_new(name ? name : path, limits);
    x->zip = z;
    return finish_open(x, err);
}

aid_xlsx_t *aid_xlsx_open_memory(const char *name, const void *data, size_t len,
                                 const aid_xlsx_limits_t *limits, aidstat_error_t *err)
{
    zip_error_t ze;
    zip_error_init(&ze);
    zip_source_t *src = zip_source_buffer_create(data, len, 0, &ze);
    if (!src) {
        aid_error_set(err, AIDSTAT_ERR_NOMEM, name, 0, 0, "%s", zip_error_strerror(&ze));
        zip_error_fini(&ze);
        return NULL;
    }
    zip_t *z = zip_open_from_source(src, ZIP_RDONLY | ZIP_CHECKCONS, &ze);
    if (!z) {
        zip_open_error(name, zip_error_code_zip(&ze), aid_xlsx_sniff(data, len), err);
        zip_source_free(src);
        zip_error_fini(&ze);
        return NULL;
    }
    zip_error_fini(&ze);
    aid_xlsx_t *x = xlsx_new(name, limits);
    x->zip = z;
    return finish_open(x, err);
}

/* Copy head and the rest of fp into a temporary file that is already
 * unlinked (nothing is left behind, whatever ends the program); the file
 * is positioned at its start. NULL with err filled. */
static FILE *spool(FILE *fp, const void *head, size_t n, const char *name, aidstat_error_t *err)
{
    GError *ge = NULL;
    char *tmpname = NULL;
    int fd = g_file_open_tmp("aidstat-XXXXXX.xlsx", &tmpname, &ge);
    if (fd < 0) {
        aid_error_set(err, AIDSTAT_ERR_INPUT, name, 0, 0,
                      "cannot keep the workbook read from a pipe in a temporary file: %s", ge->message);
        g_error_free(ge);
        return NULL;
    }
    g_unlink(tmpname);
    g_free(tmpname);
    FILE *out = fdopen(fd, "w+b");
    if (!out) {
        aid_error_set(err, AIDSTAT_ERR_INPUT, name, 0, 0, "fdopen: %s", g_strerror(errno));
        close(fd);
        return NULL;
    }
    char buf[1 << 16];
    uint64_t total = n;
    bool ok = fwrite(head, 1, n, out) == n;
    size_t got;
    while (ok && (got = fread(buf, 1, sizeof buf, fp)) > 0) {
        total += got;
        if (total > AID_XLSX_MAX_SPOOL) {
            char *lim = size_text(AID_XLSX_MAX_SPOOL);
            aid_error_set(err, AIDSTAT_ERR_INPUT, name, 0, 0, "workbook read from a pipe is larger than %s",
                          lim);
            g_free(lim);
            fclose(out);
            return NULL;
        }
        ok = fwrite(buf, 1, got, out) == got;
    }
    if (ferror(fp)) {
        aid_error_set(err, AIDSTAT_ERR_INPUT, name, 0, 0, "read error: %s", g_strerror(errno));
        fclose(out);
        return NULL;
    }
    if (!ok || fflush(out) != 0 || fseeko(out, 0, SEEK_SET) != 0) {
        aid_error_set(err, AIDSTAT_ERR_INPUT, name, 0, 0,
                      "cannot keep the workbook read from a pipe in a temporary file: %s", g_strerror(errno));
        fclose(out);
        return NULL;
    }
    return out;
}

aid_xlsx_t *aid_xlsx_open_stream(FILE *fp, const void *head, size_t n, const char *name,
                                 const aid_xlsx_limits_t *limits, aidstat_error_t *err)
{
    FILE *f = spool(fp, head, n, name, err);
    if (!f)
        return NULL;
    zip_error_t ze;
    zip_error_init(&ze);
    zip_source_t *src = zip_source_filep_create(f, 0, -1, &ze);
    if (!src) {
        aid_error_set(err, AIDSTAT_ERR_NOMEM, name, 0, 0, "%s", zip_error_strerror(&ze));
        zip_error_fini(&ze);
        fclose(f);
        return NULL;
    }
    zip_t *z = zip_open_from_source(src, ZIP_RDONLY | ZIP_CHECKCONS, &ze);
    if (!z) {
        zip_open_error(name, zip_error_code_zip(&ze), true, err);
        zip_source_free(src); /* closes f */
        zip_error_fini(&ze);
        return NULL;
    }
    zip_error_fini(&ze);
    aid_xlsx_t *x = xlsx_new(name, limits);
    x->zip = z;
    return finish_open(x, err);
}

void aid_xlsx_close(aid_xlsx_t *x)
{
    if (!x)
        return;
    if (x->zip)
        zip_discard(x->zip);
    g_free(x->name);
    g_ptr_array_free(x->sheet_names, TRUE);
    g_ptr_array_free(x->sheet_paths, TRUE);
    g_hash_table_destroy(x->extents);
    g_free(x->sst_path);
    if (x->sst_chunk)
        g_string_chunk_free(x->sst_chunk);
    if (x->sst)
        g_ptr_array_free(x->sst, TRUE);
    g_string_free(x->rowbuf, TRUE);
    g_array_free(x->cells, TRUE);
    g_free(x->fields);
    g_free(x->lens);
    g_free(x->kinds);
    g_free(x->blank);
    g_free(x);
}

size_t aid_xlsx_sheet_count(const aid_xlsx_t *x)
{
    return x->sheet_names->len;
}

const char *aid_xlsx_sheet_name(const aid_xlsx_t *x, size_t i)
{
    return i < x->sheet_names->len ? x->sheet_names->pdata[i] : NULL;
}

long aid_xlsx_sheet_find(const aid_xlsx_t *x, const char *name)
{
    for (guint i = 0; i < x->sheet_names->len; i++)
        if (!strcmp(x->sheet_names->pdata[i], name))
            return (long)i;
    for (guint i = 0; i < x->sheet_names->len; i++)
        if (!g_ascii_strcasecmp(x->sheet_names->pdata[i], name))
            return (long)i;
    return -1;
}

bool aid_xlsx_date1904(const aid_xlsx_t *x)
{
    return x->date1904;
}

/* ------------------------------------------------------ shared strings */

static bool is_text(int type)
{
    return type == XML_READER_TYPE_TEXT || type == XML_READER_TYPE_CDATA ||
           type == XML_READER_TYPE_WHITESPACE || type == XML_READER_TYPE_SIGNIFICANT_WHITESPACE;
}

static aidstat_status_t load_sst(aid_xlsx_t *x, aidstat_error_t *err)
{
    x->sst_loaded = true;
    x->sst_chunk = g_string_chunk_new(1 << 16);
    x->sst = g_ptr_array_new();
    if (!x->sst_path)
        return AIDSTAT_OK;
    entry_t e;
    bool missing = false;
    xmlTextReaderPtr r = entry_open(x, x->sst_path, &e, &missing, err);
    if (!r)
        return missing ? AIDSTAT_OK : err->code;
    GString *s = g_string_new(NULL);
    bool in_si = false, in_t = false;
    int rph = 0;
    int k;
    aidstat_status_t st = AIDSTAT_OK;
    while ((k = step(r, &e)) == 1) {
        int type = xmlTextReaderNodeType(r);
        if (type == XML_READER_TYPE_ELEMENT) {
            const char *n = lname(r);
            bool empty = xmlTextReaderIsEmptyElement(r);
            if (!strcmp(n, "si")) {
                g_string_truncate(s, 0);
                in_si = true;
                rph = 0;
                if (empty) {
                    in_si = false;
                    goto add;
                }
            } else if (!strcmp(n, "rPh") && !empty) {
                rph++; /* phonetic guides are not the text */
            } else if (!strcmp(n, "t") && in_si && !empty) {
                in_t = true;
            }
            continue;
        }
        if (type == XML_READER_TYPE_END_ELEMENT) {
            const char *n = lname(r);
            if (!strcmp(n, "t"))
                in_t = false;
            else if (!strcmp(n, "rPh") && rph)
                rph--;
            else if (!strcmp(n, "si") && in_si) {
                in_si = false;
                goto add;
            }
            continue;
        }
        if (in_t && !rph && is_text(type)) {
            const char *v = (const char *)xmlTextReaderConstValue(r);
            if (v) {
                if (s->len + strlen(v) > x->lim.max_cell) {
                    st = aid_error_set(err, AIDSTAT_ERR_INPUT, x->name, 0, 0,
                                       "%s: shared string %u is longer than %zu bytes", x->sst_path,
                                       x->sst->len, x->lim.max_cell);
                    break;
                }
                g_string_append(s, v);
            }
        }
        continue;
    add:
        if (x->sst->len >= x->lim.max_strings) {
            st = aid_error_set(err, AIDSTAT_ERR_INPUT, x->name, 0, 0, "%s: more than %zu shared strings",
                               x->sst_path, x->lim.max_strings);
            break;
        }
        g_ptr_array_add(x->sst, g_string_chunk_insert_len(x->sst_chunk, s->str, (gssize)s->len));
    }
    if (st == AIDSTAT_OK && k < 0)
        st = entry_fail(&e, NULL, err);
    g_string_free(s, TRUE);
    entry_close(r, &e);
    return st;
}

/* ---------------------------------------------------------------- sheets */

aid_xlsx_kind_t aid_xlsx_cell_kind(const aid_xlsx_t *x, size_t k)
{
    return x->kinds && k < x->cap ? x->kinds[k] : AID_XLSX_EMPTY;
}

typedef struct {
    aid_xlsx_t *x;
    size_t sheet;
    xmlTextReaderPtr r;
    entry_t e;
    aidstat_error_t *err;
    long row, col; /* the current cell */
} sheet_t;

static aidstat_status_t cell_error(sheet_t *S, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

static aidstat_status_t cell_error(sheet_t *S, const char *fmt, ...)
{
    char ref[16], where[640], msg[400];
    aid_xlsx_col_name(S->col < 0 ? 0 : S->col, ref, sizeof ref);
    snprintf(where, sizeof where, "%s:%s!%s%ld", S->x->name, (const char *)S->x->sheet_names->pdata[S->sheet],
             ref, S->row);
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    return aid_error_set(S->err, AIDSTAT_ERR_INPUT, where, 0, 0, "%s", msg);
}

static void ensure_cap(aid_xlsx_t *x, size_t n)
{
    if (n <= x->cap)
        return;
    size_t cap = x->cap ? x->cap : 64;
    while (cap < n)
        cap *= 2;
    x->fields = g_renew(char *, x->fields, cap);
    x->lens = g_renew(size_t, x->lens, cap);
    x->kinds = g_renew(aid_xlsx_kind_t, x->kinds, cap);
    x->blank = g_renew(char, x->blank, cap);
    x->cap = cap;
}

/* Turn the collected value of a cell of type t into its text in rowbuf. */
static aidstat_status_t finish_cell(sheet_t *S, const char *t, size_t off, cell_t *c)
{
    aid_xlsx_t *x = S->x;
    GString *b = x->rowbuf;
    c->kind = AID_XLSX_NUMBER;
    if (!t || !strcmp(t, "n")) {
        c->kind = AID_XLSX_NUMBER;
    } else if (!strcmp(t, "s")) {
        char *end;
        const char *v = b->str + off;
        guint64 idx = g_ascii_strtoull(v, &end, 10);
        if (end == v || *end || !x->sst || idx >= x->sst->len)
            return cell_error(S, "shared string index \"%s\" out of range (the workbook has %u)", v,
                              x->sst ? x->sst->len : 0);
        const char *s = x->sst->pdata[idx];
        g_string_truncate(b, off);
        g_string_append(b, s);
        c->kind = AID_XLSX_STRING;
    } else if (!strcmp(t, "inlineStr") || !strcmp(t, "str")) {
        c->kind = AID_XLSX_STRING;
    } else if (!strcmp(t, "b")) {
        const char *v = b->str + off;
        bool one = !strcmp(v, "1") || !strcmp(v, "true");
        if (!one && strcmp(v, "0") && strcmp(v, "false"))
            return cell_error(S, "boolean cell holds \"%s\"", v);
        g_string_truncate(b, off);
        g_string_append(b, one ? "TRUE" : "FALSE");
        c->kind = AID_XLSX_BOOL;
    } else if (!strcmp(t, "e")) {
        c->kind = AID_XLSX_ERROR;
    } else if (!strcmp(t, "d")) {
        c->kind = AID_XLSX_DATE;
    } else {
        return cell_error(S, "unknown cell type t=\"%s\"", t);
    }
    c->off = off;
    c->len = b->len - off;
    return AIDSTAT_OK;
}

static aidstat_status_t emit_row(sheet_t *S, aid_xlsx_row_fn fn, void *user, long *count)
{
    aid_xlsx_t *x = S->x;
    guint nc = x->cells->len;
    if (nc == 0)
        return AIDSTAT_OK;
    if (count) {
        (*count)++;
        return AIDSTAT_OK;
    }
    cell_t *cells = (cell_t *)(void *)x->cells->data;
    size_t n = (size_t)cells[nc - 1].col + 1;
    ensure_cap(x, n);
    memset(x->blank, 0, n);
    for (size_t i = 0; i < n; i++) {
        x->fields[i] = &x->blank[i];
        x->lens[i] = 0;
        x->kinds[i] = AID_XLSX_EMPTY;
    }
    for (guint i = 0; i < nc; i++) {
        size_t c = (size_t)cells[i].col;
        x->fields[c] = x->rowbuf->str + cells[i].off;
        x->lens[c] = cells[i].len;
        x->kinds[c] = cells[i].kind;
    }
    int stop = fn(user, x->fields, x->lens, n, S->row);
    if (stop) {
        if (S->err && !S->err->code)
            aid_error_set(S->err, AIDSTAT_ERR_ABORTED, x->name, S->row, 0, "stopped by the caller");
        return S->err ? S->err->code : AIDSTAT_ERR_ABORTED;
    }
    return AIDSTAT_OK;
}

/* The last row of a <dimension ref="A1:AR1033"/>, 0 when it has none. */
static long dimension_rows(xmlTextReaderPtr r)
{
    char *ref = attr(r, "ref");
    char **ends = ref ? g_strsplit(ref, ":", 2) : NULL;
    long c0, r0, c1, r1, rows = 0;
    if (ends && ends[0] && aid_xlsx_ref_parse(ends[0], &c0, &r0)) {
        if (!ends[1] || !aid_xlsx_ref_parse(ends[1], &c1, &r1))
            r1 = r0;
        rows = r1;
    }
    g_strfreev(ends);
    g_free(ref);
    return rows;
}

/* A one-cell extent (A1) is what writers put in an empty sheet or when
 * they do not know: then the rows holding a cell are the extent. */
static void extent_keep(aid_xlsx_t *x, size_t i, long dim, long counted)
{
    long *v = g_new(long, 1);
    *v = dim > 1 ? dim : counted;
    g_hash_table_replace(x->extents, g_strdup(x->sheet_paths->pdata[i]), v);
}

/* Read sheet i: rows to fn, or, with count, only counted. extent: stop
 * at a <dimension> that states the extent (counting only). A sheet read
 * to its end (or to such a dimension) keeps its extent. */
/* Where stream_sheet is in a sheet's XML. */
typedef struct {
    bool in_data, in_row, in_cell, collect, in_is;
    bool has_value, row_value;
    int rph;
    char *t;    /* the cell's type attribute */
    size_t off; /* where the cell's text starts in the row buffer */
    long prev_row, prev_col;
} pos_t;

/* A <row> starts: its number, in order and in bounds. */
static aidstat_status_t row_open(sheet_t *S, pos_t *P, bool empty)
{
    char *rs = attr(S->r, "r");
    long rn = P->prev_row + 1;
    if (rs) {
        char *end;
        gint64 v = g_ascii_strtoll(rs, &end, 10);
        if (end == rs || *end || v < 1 || v > AID_XLSX_MAX_ROWS) {
            S->row = P->prev_row + 1;
            S->col = 0;
            aidstat_status_t st = cell_error(S, "bad row number r=\"%s\"", rs);
            g_free(rs);
            return st;
        }
        rn = (long)v;
    }
    g_free(rs);
    S->row = rn;
    S->col = 0;
    if (rn <= P->prev_row)
        return cell_error(S, "row %ld comes after row %ld", rn, P->prev_row);
    if (rn > AID_XLSX_MAX_ROWS)
        return cell_error(S, "more than %d rows", AID_XLSX_MAX_ROWS);
    P->prev_row = rn;
    P->prev_col = -1;
    g_string_truncate(S->x->rowbuf, 0);
    g_array_set_size(S->x->cells, 0);
    P->in_row = !empty;
    P->row_value = false;
    return AIDSTAT_OK;
}

/* A <c> starts: its reference, in order and in bounds. */
static aidstat_status_t cell_open(sheet_t *S, pos_t *P, bool empty)
{
    char *rs = attr(S->r, "r");
    long col = P->prev_col + 1, row = S->row;
    if (rs && !aid_xlsx_ref_parse(rs, &col, &row)) {
        S->col = P->prev_col + 1;
        aidstat_status_t st = cell_error(S, "bad cell reference r=\"%s\"", rs);
        g_free(rs);
        return st;
    }
    g_free(rs);
    S->col = col;
    if (row != S->row)
        return cell_error(S, "a cell of row %ld inside row %ld", row, S->row);
    if (col <= P->prev_col) {
        char a[8];
        aid_xlsx_col_name(P->prev_col, a, sizeof a);
        return cell_error(S, "cell comes after column %s of the same row", a);
    }
    if ((size_t)col >= S->x->lim.max_cols)
        return cell_error(S, "more than %zu cells in a row", S->x->lim.max_cols);
    P->prev_col = col;
    g_free(P->t);
    P->t = attr(S->r, "t");
    P->off = S->x->rowbuf->len;
    P->in_cell = !empty;
    P->has_value = false;
    P->in_is = false;
    P->rph = 0;
    return AIDSTAT_OK;
}

static aidstat_status_t stream_sheet(aid_xlsx_t *x, size_t i, aid_xlsx_row_fn fn, void *user, long *count,
                                     bool extent, aidstat_error_t *err)
{
    aidstat_error_t local;
    if (!err)
        err = &local;
    aidstat_error_clear(err);
    if (i >= x->sheet_names->len)
        return aid_error_set(err, AIDSTAT_ERR_USAGE, x->name, 0, 0, "no sheet %zu", i + 1);
    aidstat_status_t st;
    if (!count && !x->sst_loaded && (st = load_sst(x, err)) != AIDSTAT_OK)
        return st;
    sheet_t S = {.x = x, .sheet = i, .err = err, .row = 0, .col = -1};
    S.r = entry_open(x, x->sheet_paths->pdata[i], &S.e, NULL, err);
    if (!S.r)
        return err->code;
    st = AIDSTAT_OK;
    pos_t P = {.prev_col = -1};
    long dim = 0, counted = 0; /* the sheet's extent, kept when it is read to its end */
    int k = 0;
    while (st == AIDSTAT_OK && (k = step(S.r, &S.e)) == 1) {
        int type = xmlTextReaderNodeType(S.r);
        if (type == XML_READER_TYPE_ELEMENT) {
            const char *n = lname(S.r);
            bool empty = xmlTextReaderIsEmptyElement(S.r);
            if (!strcmp(n, "sheetData")) {
                P.in_data = !empty;
            } else if (!P.in_data && !strcmp(n, "dimension")) {
                dim = dimension_rows(S.r);
                if (extent && dim > 1) {
                    k = 0; /* as good as the end */
                    break;
                }
            } else if (P.in_data && !strcmp(n, "row")) {
                st = row_open(&S, &P, empty);
            } else if (P.in_row && !strcmp(n, "c")) {
                st = cell_open(&S, &P, empty);
            } else if (P.in_cell && !strcmp(n, "v")) {
                P.collect = !empty;
                P.has_value = true;
            } else if (P.in_cell && !strcmp(n, "is")) {
                P.in_is = !empty;
                P.has_value = true;
            } else if (P.in_is && !strcmp(n, "rPh") && !empty) {
                P.rph++;
            } else if (P.in_is && !P.rph && !strcmp(n, "t")) {
                P.collect = !empty;
            }
            continue;
        }
        if (type == XML_READER_TYPE_END_ELEMENT) {
            const char *n = lname(S.r);
            if (!strcmp(n, "v") || !strcmp(n, "t")) {
                P.collect = false;
            } else if (!strcmp(n, "rPh") && P.rph) {
                P.rph--;
            } else if (!strcmp(n, "is")) {
                P.in_is = false;
            } else if (!strcmp(n, "c") && P.in_cell) {
                P.in_cell = P.collect = false;
                P.row_value |= P.has_value;
                if (!P.has_value || count) {
                    if (count && P.has_value)
                        g_array_append_val(x->cells, ((cell_t){.col = S.col}));
                    g_string_truncate(x->rowbuf, P.off);
                    continue;
                }
                cell_t c = {.col = S.col};
                if ((st = finish_cell(&S, P.t, P.off, &c)) != AIDSTAT_OK)
                    break;
                if (x->rowbuf->len > AID_XLSX_MAX_ROW_BYTES) {
                    st = cell_error(&S, "row holds more than %u MB of text", AID_XLSX_MAX_ROW_BYTES >> 20);
                    break;
                }
                g_string_append_c(x->rowbuf, '\0');
                if (c.len)
                    g_array_append_val(x->cells, c);
            } else if (!strcmp(n, "row") && P.in_row) {
                P.in_row = false;
                counted += P.row_value;
                st = emit_row(&S, fn, user, count);
            } else if (!strcmp(n, "sheetData")) {
                P.in_data = false;
            }
            if (type == XML_READER_TYPE_END_ELEMENT)
                continue;
        }
        if (P.collect && !P.rph && is_text(type)) {
            const char *v = (const char *)xmlTextReaderConstValue(S.r);
            if (v) {
                size_t len = strlen(v);
                if (x->rowbuf->len - P.off + len > x->lim.max_cell) {
                    st = cell_error(&S, "cell text longer than %zu bytes", x->lim.max_cell);
                    break;
                }
                if (!count)
                    g_string_append_len(x->rowbuf, v, (gssize)len);
            }
        }
    }
    /* the parser reads ahead of the cells it has delivered: name the
     * sheet and the XML line, not a cell */
    if (st == AIDSTAT_OK && k < 0) {
        char *where = g_strdup_printf("%s:%s", x->name, (const char *)x->sheet_names->pdata[i]);
        st = entry_fail(&S.e, where, err);
        g_free(where);
    }
    if (st == AIDSTAT_OK && k == 0)
        extent_keep(x, i, dim, counted);
    g_free(P.t);
    entry_close(S.r, &S.e);
    return st;
}

aidstat_status_t aid_xlsx_read_sheet(aid_xlsx_t *x, size_t i, aid_xlsx_row_fn fn, void *user,
                                     aidstat_error_t *err)
{
    return stream_sheet(x, i, fn, user, NULL, false, err);
}

aidstat_status_t aid_xlsx_sheet_extent(aid_xlsx_t *x, size_t i, long *rows, aidstat_error_t *err)
{
    *rows = 0;
    if (i >= x->sheet_names->len)
        return aid_error_set(err, AIDSTAT_ERR_USAGE, x->name, 0, 0, "no sheet %zu", i + 1);
    const char *path = x->sheet_paths->pdata[i];
    const long *known = g_hash_table_lookup(x->extents, path);
    if (known && *known < 0)
        return aid_error_set(err, AIDSTAT_ERR_INPUT, x->name, 0, 0, "%s: could not be read", path);
    if (known) {
        *rows = *known;
        return AIDSTAT_OK;
    }
    long counted = 0;
    aidstat_status_t st = stream_sheet(x, i, NULL, NULL, &counted, true, err);
    known = g_hash_table_lookup(x->extents, path);
    if (st == AIDSTAT_OK && known)
        *rows = *known;
    if (st != AIDSTAT_OK) {
        long *v = g_new(long, 1);
        *v = -1;
        g_hash_table_replace(x->extents, g_strdup(path), v);
    }
    return st;
}

unsigned aid_xlsx_parts_read(const aid_xlsx_t *x)
{
    return x->parts_read;
}

aidstat_status_t aid_xlsx_count_rows(aid_xlsx_t *x, size_t i, long *rows, aidstat_error_t *err)
{
    *rows = 0;
    return stream_sheet(x, i, NULL, NULL, rows, false, err);
}
