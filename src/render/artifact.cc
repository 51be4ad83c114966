/* Running headers, footers and page numbers as artifacts (PDF/UA-1,
 * 14.8.2.2 of ISO 32000-1), which cairo 1.16 cannot write: it turns every
 * tag into a structure element with marked content. The report's layout
 * wraps its page furniture in a "Private" tag (aid_furniture_tag); this
 * pass, with qpdf's C++ API, rewrites each such marked-content sequence
 * into /Artifact <</Type /Pagination>> BDC ... EMC and takes its element
 * out of the structure tree.
 *
 * cairo 1.16 does not reopen the marked content of an enclosing element
 * after a nested one ends, so when the furniture is drawn inside an open
 * element (a paragraph broken across pages), what the page draws of that
 * element after the furniture is outside every marked-content sequence.
 * This pass gives that run the furniture's MCID and the element's name.
 * cairo also leaves an element's own MCIDs out of its /K once it has a
 * child element; the elements the furniture is taken from get their /K
 * rebuilt from the parent tree, in document order.
 *
 * C++ stays in this file: every exception is caught and becomes an
 * aidstat_error_t. */
#include "config.h"

#include <cairo.h>
#include <glib.h>
#include <pango/pangocairo.h>
extern "C" {
#include "data/error.h"
#include "render/render.h"
}

/* no PointerHolder: std::shared_ptr throughout (qpdf 11) */
#define POINTERHOLDER_TRANSITION 4
#include <qpdf/Pl_String.hh>
#include <qpdf/QPDF.hh>
#include <qpdf/QPDFNumberTreeObjectHelper.hh>
#include <qpdf/QPDFPageDocumentHelper.hh>
#include <qpdf/QPDFPageObjectHelper.hh>
#include <qpdf/QPDFWriter.hh>

#include <algorithm>
#include <exception>
#include <map>
#include <string>
#include <vector>

namespace
{

typedef QPDFTokenizer::Token Token;

/* One furniture element: its parent and the MCID of its content. */
struct Furniture {
    QPDFObjectHandle elem, parent;
    bool continued = false; /* its MCID now marks the parent's continuation */
};

/* The furniture of one page, by MCID. */
typedef std::map<long long, Furniture> PageFurniture;

bool is_space(const Token &t)
{
    return t.getType() == QPDFTokenizer::tt_space || t.getType() == QPDFTokenizer::tt_comment;
}

/* Operators that put marks on the page. */
bool paints(const std::string &op)
{
    static const char *const ops[] = {"Tj", "TJ", "'", "\"", "Do", "S",  "s",  "f",
                                      "F",  "f*", "B", "B*", "b",  "b*", "sh", "EI"};
    for (const char *o : ops)
        if (op == o)
            return true;
    return false;
}

class Filter : public QPDFObjectHandle::TokenFilter
{
  public:
    explicit Filter(PageFurniture &f) : furn(f)
    {
    }

    void handleToken(const Token &t) override
    {
        operands.push_back(t);
        if (t.getType() == QPDFTokenizer::tt_word || t.getType() == QPDFTokenizer::tt_inline_image)
            op(t.getValue());
    }

    void handleEOF() override
    {
        flush_operands();
        if (mode == CONTINUATION)
            end_continuation(true);
    }

  private:
    enum { BODY, ARTIFACT, CONTINUATION } mode = BODY;
    PageFurniture &furn;
    std::vector<Token> operands; /* since the last operator, the operator last */
    std::string run;             /* the continuation so far */
    size_t run_cut = 0;          /* where it can end (balanced, after a mark) */
    long long mcid = -1;         /* the furniture's MCID */
    int depth = 0, qdepth = 0;   /* marked-content and q/Q nesting */
    bool in_text = false, painted = false;

    void out(const std::string &s)
    {
        if (mode == CONTINUATION)
            run += s;
        else
            write(s);
    }

    void flush_operands()
    {
        for (const Token &t : operands)
            out(t.getRawValue());
        operands.clear();
    }

    /* The first non-space operand and the integer after /MCID, if any. */
    void scan(std::string &first, long long &id) const
    {
        first.clear();
        id = -1;
        for (size_t i = 0; i + 1 < operands.size(); i++) {
            const Token &t = operands[i];
            if (is_space(t))
                continue;
            if (first.empty())
                first = t.getRawValue();
            if (t.getType() == QPDFTokenizer::tt_name && t.getValue() == "/MCID") {
                for (size_t j = i + 1; j + 1 < operands.size(); j++)
                    if (operands[j].getType() == QPDFTokenizer::tt_integer) {
                        id = std::stoll(operands[j].getValue());
                        break;
                    } else if (!is_space(operands[j]))
                        break;
            }
        }
    }

    void end_continuation(bool at_eof)
    {
        mode = BODY;
        auto it = furn.find(mcid);
        size_t cut = at_eof ? run_cut : run.size();
        if (it != furn.end() && painted && cut > 0) {
            Furniture &f = it->second;
            f.continued = true;
            write("\n" + f.parent.getKey("/S").unparse() + " <</MCID " + std::to_string(mcid) + ">> BDC\n");
            write(run.substr(0, cut));
            write("\nEMC\n");
            write(run.substr(cut));
        } else
            write(run);
        run.clear();
    }

    void op(const std::string &name)
    {
        std::string first;
        long long id;
        scan(first, id);
        bool opens = name == "BDC" || name == "BMC";
        if (mode == BODY && name == "BDC" && first == "/Private") {
            operands.clear();
            write("\n/Artifact <</Type /Pagination>> BDC");
            mode = ARTIFACT;
            mcid = id;
            depth = 1;
            return;
        }
        if (mode == ARTIFACT) {
            flush_operands();
            if (opens)
                depth++;
            else if (name == "EMC" && --depth == 0) {
                /* what follows, up to the next tagged sequence, belongs to
                 * the element the furniture interrupted */
                mode = CONTINUATION;
                run.clear();
                run_cut = 0;
                qdepth = 0;
                in_text = false;
                painted = false;
            }
            return;
        }
        if (mode == CONTINUATION) {
            if (name == "BDC" && id >= 0 && depth == 0) {
                std::vector<Token> keep;
                keep.swap(operands);
                end_continuation(false);
                operands.swap(keep);
                op(name); /* as body: it may be furniture again */
                return;
            }
            flush_operands();
            if (opens)
                depth++;
            else if (name == "EMC")
                depth--;
            else if (name == "q")
                qdepth++;
            else if (name == "Q")
                qdepth--;
            else if (name == "BT")
                in_text = true;
            else if (name == "ET")
                in_text = false;
            if (paints(name))
                painted = true;
            if (painted && depth == 0 && qdepth == 0 && !in_text)
                run_cut = run.size();
            return;
        }
        flush_operands();
    }
};

/* The Private elements under e, with their parents, by page. */
void collect(QPDFObjectHandle e, QPDFObjectHandle parent, std::map<QPDFObjGen, PageFurniture> &out, int depth)
{
    if (depth > 100)
        return;
    if (e.isArray()) {
        for (int i = 0; i < e.getArrayNItems(); i++)
            collect(e.getArrayItem(i), parent, out, depth + 1);
        return;
    }
    if (!e.isDictionary() || !e.getKey("/S").isName())
        return;
    if (e.getKey("/S").getName() == "/Private") {
        QPDFObjectHandle k = e.getKey("/K"), pg = e.getKey("/Pg");
        if (k.isInteger() && pg.isIndirect())
            out[pg.getObjGen()][k.getIntValue()] = Furniture{e, parent};
        return;
    }
    collect(e.getKey("/K"), e, out, depth + 1);
}

/* Take elem out of parent's kids. */
void remove_kid(QPDFObjectHandle parent, QPDFObjectHandle elem)
{
    QPDFObjectHandle k = parent.getKey("/K");
    if (k.isArray()) {
        for (int i = 0; i < k.getArrayNItems(); i++)
            if (k.getArrayItem(i).getObjGen() == elem.getObjGen()) {
                k.eraseItem(i);
                return;
            }
    } else if (k.isIndirect() && k.getObjGen() == elem.getObjGen())
        parent.removeKey("/K");
}

/* A place in the document: page index, MCID. */
typedef std::pair<int, long long> Place;

/* Where each element's marked content is, from the parent tree: cairo 1.16
 * leaves an element's own MCIDs out of its /K once it has a child element
 * (here: the furniture nested in a paragraph), so the parent tree is the
 * record of them. */
struct Places {
    std::map<QPDFObjGen, int> page_index;
    std::map<QPDFObjGen, QPDFObjectHandle> page;
    std::map<QPDFObjGen, std::vector<Place>> of; /* element → its places */
};

Places places(QPDF &q, QPDFObjectHandle ptree)
{
    Places P;
    int i = 0;
    for (QPDFPageObjectHelper &page : QPDFPageDocumentHelper(q).getAllPages()) {
        QPDFObjectHandle po = page.getObjectHandle();
        P.page_index[po.getObjGen()] = i++;
        P.page[po.getObjGen()] = po;
        QPDFObjectHandle sp = po.getKey("/StructParents"), parents;
        if (!ptree.isDictionary() || !sp.isInteger())
            continue;
        QPDFNumberTreeObjectHelper nt(ptree, q);
        if (!nt.findObject(sp.getIntValue(), parents) || !parents.isArray())
            continue;
        for (int m = 0; m < parents.getArrayNItems(); m++) {
            QPDFObjectHandle e = parents.getArrayItem(m);
            if (e.isIndirect())
                P.of[e.getObjGen()].push_back(Place(i - 1, m));
        }
    }
    return P;
}

/* The first place of an element or its descendants. */
bool first_place(const Places &P, QPDFObjectHandle e, Place &out, int depth)
{
    bool found = false;
    auto it = P.of.find(e.getObjGen());
    if (it != P.of.end())
        for (const Place &p : it->second)
            if (!found || p < out) {
                out = p;
                found = true;
            }
    if (depth > 100)
        return found;
    QPDFObjectHandle k = e.getKey("/K");
    std::vector<QPDFObjectHandle> kids;
    if (k.isArray())
        kids = k.getArrayAsVector();
    else
        kids.push_back(k);
    for (QPDFObjectHandle &kid : kids) {
        Place p;
        if (kid.isDictionary() && kid.getKey("/S").isName() && first_place(P, kid, p, depth + 1) &&
            (!found || p < out)) {
            out = p;
            found = true;
        }
    }
    return found;
}

/* Rebuild an element's /K in document order: its child elements and all
 * its marked content (as /MCR with /Pg). Left alone when it holds
 * anything else (object references of annotations). */
void rebuild_kids(const Places &P, QPDFObjectHandle e)
{
    QPDFObjectHandle k = e.getKey("/K");
    std::vector<QPDFObjectHandle> kids;
    if (k.isArray())
        kids = k.getArrayAsVector();
    else if (!k.isNull())
        kids.push_back(k);
    std::vector<std::pair<Place, QPDFObjectHandle>> order;
    Place last(-1, -1);
    for (QPDFObjectHandle &kid : kids) {
        if (kid.isInteger())
            continue; /* an MCID: comes back from the parent tree */
        if (kid.isDictionary() && kid.getKey("/Type").isNameAndEquals("/MCR"))
            continue;
        if (!kid.isDictionary() || !kid.getKey("/S").isName())
            return;
        Place p;
        if (first_place(P, kid, p, 0))
            last = p;
        order.push_back(std::make_pair(last, kid));
    }
    auto it = P.of.find(e.getObjGen());
    if (it != P.of.end())
        for (const Place &p : it->second) {
            QPDFObjectHandle pg;
            for (auto &[og, idx] : P.page_index)
                if (idx == p.first)
                    pg = P.page.at(og);
            QPDFObjectHandle mcr = QPDFObjectHandle::newDictionary();
            mcr.replaceKey("/Type", QPDFObjectHandle::newName("/MCR"));
            mcr.replaceKey("/Pg", pg);
            mcr.replaceKey("/MCID", QPDFObjectHandle::newInteger(p.second));
            order.push_back(std::make_pair(p, mcr));
        }
    std::stable_sort(order.begin(), order.end(),
                     [](const auto &a, const auto &b) { return a.first < b.first; });
    QPDFObjectHandle nk = QPDFObjectHandle::newArray();
    for (auto &o : order)
        nk.appendItem(o.second);
    e.replaceKey("/K", nk);
    e.removeKey("/Pg");
}

/* false when there is no furniture to rewrite */
bool artifacts(QPDF &q)
{
    QPDFObjectHandle root = q.getRoot(), tree = root.getKey("/StructTreeRoot");
    if (!tree.isDictionary())
        return false;
    std::map<QPDFObjGen, PageFurniture> furniture;
    collect(tree.getKey("/K"), tree, furniture, 0);
    if (furniture.empty())
        return false;
    QPDFObjectHandle ptree = tree.getKey("/ParentTree");
    std::map<QPDFObjGen, QPDFObjectHandle> touched;
    for (QPDFPageObjectHelper &page : QPDFPageDocumentHelper(q).getAllPages()) {
        QPDFObjectHandle po = page.getObjectHandle();
        auto it = furniture.find(po.getObjGen());
        if (it == furniture.end())
            continue;
        PageFurniture &pf = it->second;
        std::string content;
        Pl_String pl("artifacts", nullptr, content);
        Filter filter(pf);
        page.filterContents(&filter, &pl);
        po.replaceKey("/Contents", QPDFObjectHandle::newStream(&q, content));
        /* the parent tree maps this page's MCIDs to their elements */
        QPDFObjectHandle parents;
        if (ptree.isDictionary() && po.getKey("/StructParents").isInteger()) {
            QPDFNumberTreeObjectHelper nt(ptree, q);
            nt.findObject(po.getKey("/StructParents").getIntValue(), parents);
        }
        for (auto &[mcid, f] : pf) {
            remove_kid(f.parent, f.elem);
            if (parents.isArray() && mcid >= 0 && mcid < parents.getArrayNItems())
                parents.setArrayItem(static_cast<int>(mcid),
                                     f.continued ? f.parent : QPDFObjectHandle::newNull());
            if (f.parent.isIndirect())
                touched[f.parent.getObjGen()] = f.parent;
        }
    }
    /* the elements the furniture was taken from, with their content in order */
    Places P = places(q, ptree);
    for (auto &[og, e] : touched)
        if (e.getKey("/S").isName())
            rebuild_kids(P, e);
    return true;
}

} // namespace

aidstat_status_t aid_pdf_artifacts(const GByteArray *in, GByteArray *out, aidstat_error_t *err)
{
    try {
        QPDF q;
        q.setSuppressWarnings(true);
        q.processMemoryFile("drawing", reinterpret_cast<const char *>(in->data), in->len);
        if (!artifacts(q)) {
            g_byte_array_append(out, in->data, in->len);
            return AIDSTAT_OK;
        }
        QPDFWriter w(q);
        w.setOutputMemory();
        w.setDeterministicID(true);
        w.write();
        auto b = w.getBufferSharedPointer();
        g_byte_array_append(out, b->getBuffer(), static_cast<guint>(b->getSize()));
        return AIDSTAT_OK;
    } catch (const std::exception &e) {
        return aid_error_set(err, AIDSTAT_ERR_OUTPUT, NULL, 0, 0, "PDF post-processing failed: artifacts: %s",
                             e.what());
    } catch (...) {
        return aid_error_set(err, AIDSTAT_ERR_OUTPUT, NULL, 0, 0,
                             "PDF post-processing failed: artifacts: unknown error");
    }
}
