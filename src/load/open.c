/* Opening an input: its format is in its first bytes, whatever its name
 * says. A workbook goes to load/workbook.c, anything else to the CSV row
 * engine (load/load.c); both end in the same header and row rules. */
#include "config.h"
#include "load/loader.h"
#include "load/xlsx.h"
#include "data/error.h"

#include <errno.h>
#include <glib.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

/* An old binary .xls, or an encrypted workbook: both are OLE compound files. */
static bool is_ole(const unsigned char *b, size_t n)
{
    static const unsigned char magic[8] = {0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1};
    return n >= 8 && memcmp(b, magic, 8) == 0;
}

/* A directory given as a data file: a Kiel tracker release folder is
 * named as one, with the file that holds its records. */
static aidstat_status_t directory_error(const char *path, const char *name, aidstat_error_t *err)
{
    char *main = g_build_filename(path, "data_explorer.csv", NULL);
    aidstat_status_t st =
        g_file_test(main, G_FILE_TEST_IS_REGULAR)
            ? aid_error_set(err, AIDSTAT_ERR_INPUT, name, 0, 0,
                            "a directory, not a data file: a Kiel tracker release folder, whose records are "
                            "in %s (its other files are views of them, each read on its own)",
                            main)
            : aid_error_set(err, AIDSTAT_ERR_INPUT, name, 0, 0, "a directory, not a data file: give the files in it");
    g_free(main);
    return st;
}

/* The caller's options as this library's struct (see aid_options_take). */
static const aidstat_load_options_t *
aid_load_options_take(aidstat_load_options_t *o, const aidstat_load_options_t *opt, aidstat_error_t *err)
{
    aidstat_load_options_init(o);
    return aid_options_take(o, sizeof *o, opt, "aidstat_load_options_init", err) ? o : NULL;
}

aidstat_status_t aidstat_load_file(const char *path, const aidstat_load_options_t *opt, aidstat_record_fn fn,
                                   void *user, aidstat_load_report_t *report, aidstat_error_t *err)
{
    aidstat_load_options_t o;
    if (opt && !(opt = aid_load_options_take(&o, opt, err)))
        return AIDSTAT_ERR_USAGE;
    const char *name = opt && opt->display_name ? opt->display_name : path;
    if (strcmp(path, "-") != 0 && g_file_test(path, G_FILE_TEST_IS_DIR))
        return directory_error(path, name, err);
    FILE *fp = strcmp(path, "-") == 0 ? stdin : fopen(path, "rb");
    if (!fp)
        return aid_error_set(err, AIDSTAT_ERR_INPUT, name, 0, 0, "cannot open: %s", g_strerror(errno));
    /* the format is in the first bytes, whatever the name says; a pipe
     * (standard input, or a path such as <(...)) cannot rewind, so its
     * first bytes go to the reader with it */
    bool piped = fp == stdin || lseek(fileno(fp), 0, SEEK_CUR) < 0;
    unsigned char head[8];
    size_t got = fread(head, 1, sizeof head, fp);
    if (aid_xlsx_sniff(head, got) || is_ole(head, got)) {
        aidstat_status_t st =
            is_ole(head, got) ? aid_error_set(err, AIDSTAT_ERR_INPUT, name, 0, 0,
                                              "an old binary .xls workbook or an encrypted one: save it as "
                                              "an unencrypted .xlsx (or CSV)")
            : piped           ? aid_load_workbook_stream(fp, head, got, name, opt, fn, user, report, err)
                              : aid_load_workbook(path, NULL, 0, name, opt, fn, user, report, err);
        if (fp != stdin)
            fclose(fp);
        return st;
    }
    if (!piped)
        rewind(fp);
    aidstat_status_t st = aid_load_csv(name, path, fp, piped ? (const char *)head : NULL, piped ? got : 0,
                                       opt, fn, user, report, err);
    if (fp != stdin)
        fclose(fp);
    return st;
}

aidstat_status_t aidstat_load_memory(const char *name, const char *data, size_t len,
                                     const aidstat_load_options_t *opt, aidstat_record_fn fn, void *user,
                                     aidstat_load_report_t *report, aidstat_error_t *err)
{
    aidstat_load_options_t o;
    if (opt && !(opt = aid_load_options_take(&o, opt, err)))
        return AIDSTAT_ERR_USAGE;
    if (aid_xlsx_sniff(data, len))
        return aid_load_workbook(NULL, data, len, name, opt, fn, user, report, err);
    return aid_load_csv(name, NULL, NULL, data, len, opt, fn, user, report, err);
}
