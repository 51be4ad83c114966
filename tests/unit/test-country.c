/* Unit tests for data/country.c and data/suggest.c: the country table and
 * "did you mean". */
#include "config.h"
#include "aidstat.h"
#include "data/country.h"
#include "data/fold.h"
#include "data/suggest.h"
#include "testlib.h"

#include <glib.h>
#include <string.h>

static void code_of(const char *name, const char *code)
{
    const aid_country_t *c = aid_country_find(name);
    char what[160];
    snprintf(what, sizeof what, "\"%s\" is %s", name, code);
    if (testlib_check(c != NULL, __FILE__, __LINE__, what))
        CHECK_EQ_STR(c->code, code);
}

static void test_spellings(void)
{
    /* the spellings of issue 11, Kiel's and SIPRI's files, German names */
    const char *const cze[] = {
        "Czechia", "Czech Republic", "CZECH REPUBLIC", "czech  republic", "Tschechien", "CZE", "cze", NULL};
    for (const char *const *p = cze; *p; p++)
        code_of(*p, "CZE");
    const char *const tur[] = {"Turkey", "Türkiye", "Turkiye", "TÜRKIYE", "Türkei", NULL};
    for (const char *const *p = tur; *p; p++)
        code_of(*p, "TUR");
    const char *const kor[] = {"South Korea",       "Korea",         "Korea, Republic of",
                               "Republic of Korea", "Korea (South)", NULL};
    for (const char *const *p = kor; *p; p++)
        code_of(*p, "KOR");
    const char *const usa[] = {
        "United States", "United States of America", "USA", "US", "Vereinigte Staaten", NULL};
    for (const char *const *p = usa; *p; p++)
        code_of(*p, "USA");
    code_of("UK", "GBR");
    code_of("Great Britain", "GBR");
    code_of("Holland", "NLD");
    code_of("Deutschland", "DEU");
    code_of("Cote d'Ivoire", "CIV");
    code_of("EU (Commission and Council)", "EU");
    code_of("European Peace Facility", "EPF");
    code_of("European Investment Bank", "EIB");
    code_of("Soviet Union", "SUN");
    code_of("East Germany (GDR)", "DDR");
    /* a zero-width space or a byte-order mark inside a name does not count */
    code_of("Ger\xe2\x80\x8bmany", "DEU");
    code_of("\xef\xbb\xbfGermany", "DEU");
    CHECK(aid_country_find("Atlantis") == NULL);
    CHECK(aid_country_find("") == NULL);
    CHECK(aid_country_find("\xff\xfe") == NULL);
    /* the display names the embedded dataset uses */
    CHECK_EQ_STR(aid_country_by_code("tur")->name, "Turkiye");
    CHECK_EQ_STR(aid_country_by_code("KOR")->name, "South Korea");
    CHECK_EQ_STR(aid_country_by_code("EU")->name, "EU (Commission and Council)");
}

static void test_table(void)
{
    /* at least every ISO 3166-1 country, each code once, each display
     * name leading back to its own code */
    CHECK(aid_country_count() >= 249);
    GHashTable *codes = g_hash_table_new(g_str_hash, g_str_equal);
    size_t bad = 0;
    for (size_t i = 0; i < aid_country_count(); i++) {
        const aid_country_t *c = aid_country_at(i);
        if (!g_hash_table_add(codes, (gpointer)c->code))
            bad++;
        if (aid_country_by_name(c->name) != c || aid_country_by_code(c->code) != c)
            bad++;
    }
    CHECK_EQ_INT(bad, 0);
    g_hash_table_destroy(codes);
}

static void test_key(void)
{
    char *k = aid_fold_key("  Côte   d'IVOIRE ");
    CHECK_EQ_STR(k, "cote d'ivoire");
    g_free(k);
    k = aid_fold_key("Straße");
    CHECK_EQ_STR(k, "strasse");
    g_free(k);
    CHECK(aid_fold_key("\xc3") == NULL);
}

static void test_suggest(void)
{
    CHECK_EQ_INT(aid_suggest_distance("Germny", "Germany", 3), 1);
    CHECK_EQ_INT(aid_suggest_distance("cvs", "csv", 3), 1); /* a swap is one edit */
    CHECK_EQ_INT(aid_suggest_distance("Türkiye", "turkiye", 3), 0);
    CHECK_EQ_INT(aid_suggest_distance("abcdef", "uvwxyz", 2), 3); /* capped at max + 1 */
    CHECK_EQ_STR(aidstat_country_suggest("Germny"), "Germany");
    CHECK_EQ_STR(aidstat_country_suggest("Untied States"), "United States");
    CHECK_EQ_STR(aidstat_country_suggest("Tschechein"), "Czechia");
    CHECK(aidstat_country_suggest("Atlantis") == NULL);
    const char *const fmts[] = {"table", "csv", "tsv", "json", "markdown"};
    CHECK_EQ_STR(aidstat_suggest("jsno", fmts, 5), "json");
    CHECK(aidstat_suggest("xml", fmts, 5) == NULL);
    CHECK(aidstat_suggest(NULL, fmts, 5) == NULL);
}

int main(void)
{
    test_spellings();
    test_table();
    test_key();
    test_suggest();
    return testlib_done("test-country");
}
