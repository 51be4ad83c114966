/* What cairo 1.16 cannot write into a PDF, added with qpdf: the page
 * furniture as artifacts (artifact.cc, a pass of its own), then in one
 * pass the alternative text of each Figure, the document's language, the
 * viewer's title preference, the PDF/UA identification in XMP metadata,
 * and attached files. cairo writes the structure tree itself; this pass
 * only completes it. The PDF is read from memory and written back to
 * memory with qpdf's deterministic /ID, so the same drawing gives the same
 * bytes. */
#include "config.h"
#include "render/render.h"
#include "data/error.h"

#include <qpdf/qpdf-c.h>
#include <string.h>

typedef struct {
    qpdf_data q;
    const aid_meta_t *meta;
    guint figure; /* Figures given their /Alt so far */
} post_t;

static const char *figure_alt(post_t *P)
{
    const aid_meta_t *m = P->meta;
    guint i = P->figure++;
    if (m->alts)
        return i < m->alts->len ? g_ptr_array_index(m->alts, i) : NULL;
    return i == 0 ? m->description : NULL;
}

/* Depth first through the structure tree, in document order: cairo adds
 * the elements in the order their tags began. */
static void walk(post_t *P, qpdf_oh e, int depth)
{
    qpdf_data q = P->q;
    if (depth > 64)
        return;
    if (qpdf_oh_is_array(q, e)) {
        int n = qpdf_oh_get_array_n_items(q, e);
        for (int i = 0; i < n; i++)
            walk(P, qpdf_oh_get_array_item(q, e, i), depth + 1);
        return;
    }
    if (!qpdf_oh_is_dictionary(q, e))
        return;
    qpdf_oh s = qpdf_oh_get_key(q, e, "/S");
    if (qpdf_oh_is_name_and_equals(q, s, "/Figure")) {
        const char *alt = figure_alt(P);
        if (alt && *alt) {
            char *v = aidstat_text_visible(alt);
            qpdf_oh_replace_key(q, e, "/Alt", qpdf_oh_new_unicode_string(q, v));
            g_free(v);
        }
    }
    if (qpdf_oh_has_key(q, e, "/K"))
        walk(P, qpdf_oh_get_key(q, e, "/K"), depth + 1);
}

static char *xmp(const aid_meta_t *m, const char *lang, const char *date)
{
    char *title = g_markup_escape_text(m->title ? m->title : "", -1);
    char *desc = g_markup_escape_text(m->description ? m->description : "", -1);
    char *l = g_markup_escape_text(lang, -1);
    char *x = g_strdup_printf(
        "<?xpacket begin=\"\xef\xbb\xbf\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n"
        "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\">\n"
        "<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">\n"
        "<rdf:Description rdf:about=\"\"\n"
        "  xmlns:dc=\"http://purl.org/dc/elements/1.1/\"\n"
        "  xmlns:xmp=\"http://ns.adobe.com/xap/1.0/\"\n"
        "  xmlns:pdfuaid=\"http://www.aiim.org/pdfua/ns/id/\">\n"
        "<dc:title><rdf:Alt><rdf:li xml:lang=\"x-default\">%s</rdf:li></rdf:Alt></dc:title>\n"
        "<dc:description><rdf:Alt><rdf:li xml:lang=\"x-default\">%s</rdf:li></rdf:Alt></dc:description>\n"
        "<dc:language><rdf:Bag><rdf:li>%s</rdf:li></rdf:Bag></dc:language>\n"
        "<xmp:CreateDate>%s</xmp:CreateDate>\n"
        "<xmp:ModifyDate>%s</xmp:ModifyDate>\n"
        "<xmp:CreatorTool>aidstat " PACKAGE_VERSION "</xmp:CreatorTool>\n"
        "<pdfuaid:part>1</pdfuaid:part>\n"
        "</rdf:Description>\n"
        "</rdf:RDF>\n"
        "</x:xmpmeta>\n"
        "<?xpacket end=\"w\"?>\n",
        title, desc, l, date, date);
    g_free(title);
    g_free(desc);
    g_free(l);
    return x;
}

static void metadata(post_t *P, qpdf_oh root, const char *lang)
{
    qpdf_data q = P->q;
    GDateTime *d = P->meta->date ? g_date_time_to_utc(P->meta->date) : aid_output_date();
    char *date = g_date_time_format(d, "%Y-%m-%dT%H:%M:%SZ");
    g_date_time_unref(d);
    char *x = xmp(P->meta, lang, date);
    g_free(date);
    qpdf_oh s = qpdf_oh_new_stream(q);
    /* uncompressed, so that tools that look for the packet find it */
    qpdf_oh_replace_stream_data(q, s, (const unsigned char *)x, strlen(x), qpdf_oh_new_null(q),
                                qpdf_oh_new_null(q));
    qpdf_oh sd = qpdf_oh_get_dict(q, s);
    qpdf_oh_replace_key(q, sd, "/Type", qpdf_oh_new_name(q, "/Metadata"));
    qpdf_oh_replace_key(q, sd, "/Subtype", qpdf_oh_new_name(q, "/XML"));
    qpdf_oh_replace_key(q, root, "/Metadata", s);
    g_free(x);
}

static gint by_name(gconstpointer a, gconstpointer b)
{
    const aid_attachment_t *x = *(aid_attachment_t *const *)a, *y = *(aid_attachment_t *const *)b;
    return strcmp(x->name, y->name);
}

/* Files attached as associated files of the document: the embedded-file
 * name tree (what readers list) and the catalog's /AF (PDF 2.0, PDF/A-3). */
static void attach(post_t *P, qpdf_oh root)
{
    qpdf_data q = P->q;
    GPtrArray *a = P->meta->attachments;
    if (!a || !a->len)
        return;
    qpdf_oh names = qpdf_oh_new_array(q), af = qpdf_oh_new_array(q);
    /* a name tree's keys are sorted */
    GPtrArray *sorted = g_ptr_array_sized_new(a->len);
    for (guint i = 0; i < a->len; i++)
        g_ptr_array_add(sorted, g_ptr_array_index(a, i));
    g_ptr_array_sort(sorted, by_name);
    for (guint i = 0; i < sorted->len; i++) {
        const aid_attachment_t *f = g_ptr_array_index(sorted, i);
        qpdf_oh ef = qpdf_oh_new_stream(q);
        qpdf_oh_replace_stream_data(q, ef, f->data->data, f->data->len, qpdf_oh_new_null(q),
                                    qpdf_oh_new_null(q));
        qpdf_oh efd = qpdf_oh_get_dict(q, ef);
        qpdf_oh_replace_key(q, efd, "/Type", qpdf_oh_new_name(q, "/EmbeddedFile"));
        qpdf_oh_replace_key(q, efd, "/Subtype", qpdf_oh_new_name(q, "/text#2Fcsv"));
        qpdf_oh params = qpdf_oh_new_dictionary(q);
        qpdf_oh_replace_key(q, params, "/Size", qpdf_oh_new_integer(q, (long long)f->data->len));
        qpdf_oh_replace_key(q, efd, "/Params", params);
        qpdf_oh spec = qpdf_oh_new_dictionary(q);
        qpdf_oh_replace_key(q, spec, "/Type", qpdf_oh_new_name(q, "/Filespec"));
        qpdf_oh_replace_key(q, spec, "/F", qpdf_oh_new_unicode_string(q, f->name));
        qpdf_oh_replace_key(q, spec, "/UF", qpdf_oh_new_unicode_string(q, f->name));
        if (f->description)
            qpdf_oh_replace_key(q, spec, "/Desc", qpdf_oh_new_unicode_string(q, f->description));
        qpdf_oh_replace_key(q, spec, "/AFRelationship", qpdf_oh_new_name(q, "/Data"));
        qpdf_oh efs = qpdf_oh_new_dictionary(q);
        qpdf_oh_replace_key(q, efs, "/F", ef);
        qpdf_oh_replace_key(q, efs, "/UF", ef);
        qpdf_oh_replace_key(q, spec, "/EF", efs);
        qpdf_oh ispec = qpdf_make_indirect_object(q, spec);
        qpdf_oh_append_item(q, names, qpdf_oh_new_unicode_string(q, f->name));
        qpdf_oh_append_item(q, names, ispec);
        qpdf_oh_append_item(q, af, ispec);
    }
    g_ptr_array_free(sorted, TRUE);
    qpdf_oh tree = qpdf_oh_new_dictionary(q);
    qpdf_oh_replace_key(q, tree, "/Names", names);
    qpdf_oh nd = qpdf_oh_get_key(q, root, "/Names");
    if (!qpdf_oh_is_dictionary(q, nd)) {
        nd = qpdf_oh_new_dictionary(q);
        qpdf_oh_replace_key(q, root, "/Names", nd);
    }
    qpdf_oh_replace_key(q, nd, "/EmbeddedFiles", tree);
    qpdf_oh_replace_key(q, root, "/AF", af);
}

aidstat_status_t aid_pdf_finish(const GByteArray *in, const aid_meta_t *meta, GByteArray *out,
                                aidstat_error_t *err)
{
    /* first the page furniture, which needs qpdf's C++ API */
    GByteArray *drawn = g_byte_array_new();
    aidstat_status_t fst = aid_pdf_artifacts(in, drawn, err);
    if (fst != AIDSTAT_OK) {
        g_byte_array_unref(drawn);
        return fst;
    }
    qpdf_data q = qpdf_init();
    qpdf_silence_errors(q); /* the library never prints */
    qpdf_set_suppress_warnings(q, QPDF_TRUE);
    post_t P = {q, meta, 0};
    aidstat_status_t st = AIDSTAT_OK;
    /* qpdf reads from the buffer until qpdf_cleanup */
    if (qpdf_read_memory(q, "drawing", (const char *)drawn->data, drawn->len, NULL) & QPDF_ERRORS)
        goto fail;
    qpdf_oh root = qpdf_get_root(q);
    const char *lang = meta->lang ? meta->lang : "en";
    qpdf_oh_replace_key(q, root, "/Lang", qpdf_oh_new_unicode_string(q, lang));
    qpdf_oh_replace_key(q, root, "/ViewerPreferences", qpdf_oh_parse(q, "<< /DisplayDocTitle true >>"));
    qpdf_oh tree = qpdf_oh_get_key(q, root, "/StructTreeRoot");
    if (qpdf_oh_is_dictionary(q, tree)) {
        /* marked only when there is a structure to mark */
        qpdf_oh_replace_key(q, root, "/MarkInfo", qpdf_oh_parse(q, "<< /Marked true >>"));
        walk(&P, qpdf_oh_get_key(q, tree, "/K"), 0);
    }
    metadata(&P, root, lang);
    attach(&P, root);
    if (qpdf_has_error(q))
        goto fail;
    if (qpdf_init_write_memory(q) & QPDF_ERRORS)
        goto fail;
    qpdf_set_deterministic_ID(q, QPDF_TRUE);
    qpdf_set_object_stream_mode(q, qpdf_o_generate);
    if (qpdf_write(q) & QPDF_ERRORS)
        goto fail;
    g_byte_array_append(out, qpdf_get_buffer(q), (guint)qpdf_get_buffer_length(q));
    qpdf_cleanup(&q);
    g_byte_array_unref(drawn);
    return AIDSTAT_OK;
fail:;
    qpdf_error e = qpdf_get_error(q);
    st = aid_error_set(err, AIDSTAT_ERR_OUTPUT, NULL, 0, 0, "PDF post-processing failed: %s",
                       e ? qpdf_get_error_full_text(q, e) : "unknown error");
    qpdf_cleanup(&q);
    g_byte_array_unref(drawn);
    return st;
}
