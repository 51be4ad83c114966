/* The library's side of GNU gettext: its own text domain, bound once on
 * first use, and the language names and figures for people follow. */
#include "config.h"
#include "aidstat.h"
#include "data/country.h"
#include "data/intl.h"

#include <glib.h>
#include <libintl.h>
#include <string.h>

/* the fuzz build (make fuzz) leaves it out: its shell quoting cannot carry
 * the string, and the harnesses need no catalogue */
#ifndef LOCALEDIR
#define LOCALEDIR ""
#endif

const char *aidstat_catalogue_dir(void)
{
    const char *dir = g_getenv("AIDSTAT_LOCALEDIR");
    return dir && *dir ? dir : LOCALEDIR;
}

static gpointer bind(gpointer unused)
{
    (void)unused;
    bindtextdomain(GETTEXT_PACKAGE, aidstat_catalogue_dir());
    /* the catalogues and everything aidstat writes are UTF-8 */
    bind_textdomain_codeset(GETTEXT_PACKAGE, "UTF-8");
    return NULL;
}

static void bound(void)
{
    static GOnce once = G_ONCE_INIT;
    g_once(&once, bind, NULL);
}

const char *aid_gettext(const char *msgid)
{
    bound();
    return dgettext(GETTEXT_PACKAGE, msgid);
}

const char *aid_pgettext(const char *ctx_msgid, const char *msgid)
{
    bound();
    const char *t = dgettext(GETTEXT_PACKAGE, ctx_msgid);
    return t == ctx_msgid ? msgid : t;
}

const char *aid_ngettext(const char *one, const char *many, unsigned long n)
{
    bound();
    return dngettext(GETTEXT_PACKAGE, one, many, n);
}

const char *aid_label_text(const char *msgid)
{
    return aid_lang_de() ? aid_gettext(msgid) : msgid;
}

const char *aid_label_ntext(const char *one, const char *many, unsigned long n)
{
    return aid_lang_de() ? aid_ngettext(one, many, n) : n == 1 ? one : many;
}

const char *aid_gettext_ctx(const char *ctx, const char *name)
{
    if (!name || !*name || !aid_lang_de())
        return name;
    char *id = g_strconcat(ctx, "\004", name, NULL);
    const char *t = aid_pgettext(id, name);
    g_free(id);
    return t;
}

/* 0: not decided yet; 1 English; 2 German. Decided on first use (the
 * program sets its locale first) unless aidstat_set_language sets it. */
static int forced, found;

/* Bumped by each aidstat_set_language: labels cached for people are
 * looked up again after it (the catalogue may have changed with it). */
static gint generation;

int aid_lang_generation(void)
{
    return g_atomic_int_get(&generation);
}

aidstat_status_t aidstat_set_language(const char *lang)
{
    g_atomic_int_inc(&generation);
    found = 0;
    if (!lang || !*lang)
        forced = 0;
    else if (!g_ascii_strcasecmp(lang, "en"))
        forced = 1;
    else if (!g_ascii_strcasecmp(lang, "de"))
        forced = 2;
    else
        return AIDSTAT_ERR_USAGE;
    return AIDSTAT_OK;
}

bool aid_lang_de(void)
{
    if (forced)
        return forced == 2;
    if (!found)
        /* TRANSLATORS: the code of this catalogue's language, "de" for
         * German; it switches number, date and name formats too */
        found = !strcmp(C_("language code", "en"), "de") ? 2 : 1;
    return found == 2;
}

char *aid_label_people(aidstat_key_t key, const char *label, const char *code)
{
    if (!label || !aid_lang_de())
        return g_strdup(label);
    if (key == AIDSTAT_KEY_DONOR) {
        const aid_country_t *c = code && *code ? aid_country_by_code(code) : NULL;
        if (!c)
            c = aid_country_by_name(label);
        return g_strdup(c ? c->german : label);
    }
    if (key == AIDSTAT_KEY_REGION)
        return g_strdup(aid_gettext_ctx("region", label));
    if (key == AIDSTAT_KEY_SOURCING)
        return g_strdup(aid_gettext_ctx("sourcing", label));
    if (key == AIDSTAT_KEY_YEAR || key == AIDSTAT_KEY_QUARTER || key == AIDSTAT_KEY_MONTH) {
        /* a period's words (stats/compare.c): "2022 (month unknown)" */
        static const char *const words[] = {N_("(month unknown)"), N_("(quarter unknown)"),
                                            N_("(no period)")};
        for (size_t i = 0; i < G_N_ELEMENTS(words); i++)
            if (g_str_has_suffix(label, words[i]))
                return g_strdup_printf("%.*s%s", (int)(strlen(label) - strlen(words[i])), label,
                                       aid_label_text(words[i]));
    }
    return g_strdup(label);
}

char *aidstat_label_people(aidstat_key_t key, const char *label, const char *code)
{
    return aid_label_people(key, label, code);
}

const char *aidstat_language(void)
{
    return aid_lang_de() ? "de" : "en";
}
