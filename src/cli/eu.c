/* --eu-attribution and --eu-key: the EU institutions' aid attributed to
 * the member states (src/stats/attribute.c) in front of any consumer. */
#include "config.h"
#include "cli/cli.h"

void cli_eu_add_entries(cli_eu_t *e, GOptionContext *ctx)
{
    GOptionEntry entries[] = {
        {"eu-attribution", 0, 0, G_OPTION_ARG_NONE, &e->on,
         N_("Attribute the EU institutions' aid to the member states by their share of the EU budget "
            "(Kiel's method; key: the workbook's own share sheets when the data is a Kiel workbook, else "
            "Release 29's; "
            "or --eu-key)"),
         NULL},
        {"eu-key", 0, 0, G_OPTION_ARG_FILENAME, &e->key_file,
         N_("The attribution key: the tracker's eu_aid_shares.csv or a Kiel workbook with the sheets \"EU "
            "aid shares\", "
            "\"EPF aid shares\" and \"EIB aid shares\" (implies --eu-attribution)"),
         N_("FILE")},
        {NULL, 0, 0, 0, NULL, NULL, NULL},
    };
    GOptionGroup *g =
        g_option_group_new("eu", N_("EU attribution:"), N_("Show EU attribution options"), NULL, NULL);
    g_option_group_set_translation_domain(g, GETTEXT_PACKAGE);
    g_option_group_add_entries(g, entries);
    g_option_context_add_group(ctx, g);
}

int cli_eu_load(cli_eu_t *e, cli_data_opts_t *o, char **files, int nfiles, aidstat_record_fn fn, void *user,
                cli_report_fn on_report, void *report_user, cli_caveat_fn caveat, void *caveat_user)
{
    if (!e->on && !e->key_file)
        return cli_load(o, files, nfiles, fn, user, on_report, report_user);
    aidstat_error_t err;
    int code = 0;
    /* without --eu-key: the data's own key (a workbook's share sheets),
     * else Release 29's */
    if (!e->key && !(e->key = e->key_file ? aidstat_eukey_load_file(e->key_file, &err)
                                          : aidstat_eukey_load_for(nfiles == 1 ? files[0] : NULL, &err)))
        return cli_fail(&err);
    if (!e->regions && !(e->regions = cli_regions(o, &code)))
        return code;
    aidstat_attribution_t *a = aidstat_attribution_new(e->key, e->regions, fn, user);
    if (!(code = cli_load(o, files, nfiles, aidstat_attribution_add, a, on_report, report_user))) {
        if (aidstat_attribution_finish(a, &err) != AIDSTAT_OK)
            code = cli_fail(&err);
        else if (caveat)
            caveat(caveat_user, aidstat_attribution_describe(a));
    }
    aidstat_attribution_free(a);
    return code;
}

void cli_eu_clear(cli_eu_t *e)
{
    aidstat_eukey_free(e->key);
    aidstat_regions_free(e->regions);
    g_free(e->key_file);
}
