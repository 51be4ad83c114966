/* Words of the user's own for aid types and measures ("Rüstung=military",
 * "Auszahlung=delivery"): a cell that no built-in word matches is looked
 * up here before its row is rejected. */
#include "config.h"
#include "load/words.h"
#include "data/error.h"

#include <glib.h>
#include <string.h>

aidstat_status_t aid_words_check(const char *const *words, aidstat_error_t *err)
{
    for (const char *const *w = words; w && *w; w++) {
        const char *eq = strchr(*w, '=');
        if (!eq || eq == *w || !eq[1])
            return aid_error_set(err, AIDSTAT_ERR_USAGE, NULL, 0, 0,
                                 "word \"%s\": expected WORD=TYPE or WORD=MEASURE", *w);
        if (aidstat_type_parse(eq + 1) < 0 && aidstat_measure_parse(eq + 1) < 0)
            return aid_error_set(err, AIDSTAT_ERR_USAGE, NULL, 0, 0,
                                 "word \"%s\": \"%s\" is neither an aid type (military, financial, "
                                 "humanitarian, other, total) nor a measure (commitment, "
                                 "allocation, delivery)", *w, eq + 1);
    }
    return AIDSTAT_OK;
}

int aid_words_lookup(const char *const *words, const char *s, bool as_type)
{
    if (!words || !s[0])
        return -1;
    char *want = g_utf8_validate(s, -1, NULL) ? g_utf8_casefold(s, -1) : NULL;
    int v = -1;
    for (const char *const *w = words; want && *w && v < 0; w++) {
        const char *eq = strchr(*w, '=');
        if (!eq)
            continue;
        char *word = g_utf8_validate(*w, eq - *w, NULL) ? g_utf8_casefold(*w, eq - *w) : NULL;
        if (word && !strcmp(word, g_strstrip(want)))
            v = as_type ? aidstat_type_parse(eq + 1) : aidstat_measure_parse(eq + 1);
        g_free(word);
    }
    g_free(want);
    return v;
}
