/* Event markers for time charts: date,label rows. */
#include "config.h"
#include "aidstat.h"
#include "data/error.h"
#include "data/period.h"
#include "load/csv.h"
#include "load/loader.h"

#include <errno.h>
#include <glib.h>
#include <string.h>

typedef struct {
    GArray *events;
    int col_date, col_label;
    bool header;
    const char *name;
    aidstat_error_t *err;
} reader_t;

static int row(void *user, char **f, const size_t *lens, size_t n, long line)
{
    reader_t *R = user;
    (void)lens;
    if (!R->header) {
        R->header = true;
        R->col_date = R->col_label = -1;
        for (size_t i = 0; i < n; i++) {
            char *h = aid_header_normalize(f[i]);
            if (!strcmp(h, "date") || !strcmp(h, "period"))
                R->col_date = (int)i;
            else if (!strcmp(h, "label") || !strcmp(h, "event") || !strcmp(h, "text"))
                R->col_label = (int)i;
            g_free(h);
        }
        if (R->col_date < 0 || R->col_label < 0) {
            aid_error_set(R->err, AIDSTAT_ERR_INPUT, R->name, 1, 0,
                          "an events file needs columns date and label");
            return 1;
        }
        return 0;
    }
    if ((size_t)R->col_date >= n || (size_t)R->col_label >= n) {
        aid_error_set(R->err, AIDSTAT_ERR_INPUT, R->name, line, 0, "row has %zu fields, too few", n);
        return 1;
    }
    int y, m, d;
    const char *why;
    if (!aid_date_parse(f[R->col_date], &y, &m, &d, &why)) {
        aid_error_set(R->err, AIDSTAT_ERR_INPUT, R->name, line, R->col_date + 1, "date \"%s\": %s",
                      f[R->col_date], why);
        return 1;
    }
    const char *label = g_strstrip(f[R->col_label]);
    if (!g_utf8_validate(label, -1, NULL)) {
        aid_error_set(R->err, AIDSTAT_ERR_INPUT, R->name, line, R->col_label + 1, "label is not UTF-8 text");
        return 1;
    }
    aidstat_event_t e = {y, m, g_strdup(label)};
    g_array_append_val(R->events, e);
    return 0;
}

static aidstat_status_t load(const char *path, FILE *fp, const char *data, size_t len,
                             aidstat_event_t **events, size_t *n, aidstat_error_t *err)
{
    reader_t R = {g_array_new(FALSE, FALSE, sizeof(aidstat_event_t)), -1, -1, false, path, err};
    aidstat_error_clear(err);
    aid_csv_t *csv = aid_csv_new(path, 0);
    aidstat_status_t st = aid_csv_read(csv, fp, data, len, row, &R, err);
    aid_csv_free(csv);
    if (st == AIDSTAT_OK && !R.header)
        st = aid_error_set(err, AIDSTAT_ERR_INPUT, path, 1, 0, "empty file: no header row");
    *n = R.events->len;
    *events = (aidstat_event_t *)(void *)g_array_free(R.events, FALSE);
    if (st != AIDSTAT_OK) {
        aidstat_events_free(*events, *n);
        *events = NULL;
        *n = 0;
    }
    return st;
}

aidstat_status_t aidstat_events_load_file(const char *path, aidstat_event_t **events, size_t *n,
                                          aidstat_error_t *err)
{
    FILE *fp = fopen(path, "rb");
    if (!fp)
        return aid_error_set(err, AIDSTAT_ERR_INPUT, path, 0, 0, "cannot open: %s", g_strerror(errno));
    aidstat_status_t st = load(path, fp, NULL, 0, events, n, err);
    fclose(fp);
    return st;
}

aidstat_status_t aidstat_events_load_memory(const char *name, const char *data, size_t len,
                                            aidstat_event_t **events, size_t *n, aidstat_error_t *err)
{
    return load(name, NULL, data, len, events, n, err);
}

void aidstat_events_free(aidstat_event_t *events, size_t n)
{
    for (size_t i = 0; events && i < n; i++)
        g_free((char *)events[i].label);
    g_free(events);
}
