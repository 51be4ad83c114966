/* Replays saved inputs through a fuzz harness without libFuzzer: each
 * argument is a file, or a directory whose files are replayed in name
 * order. make check runs it over tests/fuzz/corpus and tests/fuzz/regress,
 * so every crash once found stays fixed in the normal (and sanitizer)
 * build. */
#include "fuzz.h"

#include <glib.h>
#include <stdio.h>
#include <string.h>

static int replay_file(const char *path)
{
    gchar *data = NULL;
    gsize len = 0;
    GError *e = NULL;
    if (!g_file_get_contents(path, &data, &len, &e)) {
        fprintf(stderr, "replay: %s\n", e->message);
        g_error_free(e);
        return 1;
    }
    /* a copy of exactly len bytes, so a read past the end is caught */
    uint8_t *copy = g_memdup2(data, len ? len : 1);
    g_free(data);
    LLVMFuzzerTestOneInput(copy, len);
    g_free(copy);
    return 0;
}

static gint cmp(gconstpointer a, gconstpointer b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

int main(int argc, char **argv)
{
    int bad = 0;
    long n = 0;
    for (int i = 1; i < argc; i++) {
        if (!g_file_test(argv[i], G_FILE_TEST_IS_DIR)) {
            bad |= replay_file(argv[i]);
            n++;
            continue;
        }
        GDir *d = g_dir_open(argv[i], 0, NULL);
        if (!d) {
            fprintf(stderr, "replay: cannot open %s\n", argv[i]);
            return 1;
        }
        GPtrArray *names = g_ptr_array_new_with_free_func(g_free);
        const char *name;
        while ((name = g_dir_read_name(d)))
            if (name[0] != '.')
                g_ptr_array_add(names, g_build_filename(argv[i], name, NULL));
        g_dir_close(d);
        g_ptr_array_sort(names, cmp);
        for (guint j = 0; j < names->len; j++, n++)
            bad |= replay_file(names->pdata[j]);
        g_ptr_array_free(names, TRUE);
    }
    printf("replayed %ld inputs\n", n);
    return bad;
}
