/* fuzz_replay.c — replays the saved fuzzing inputs: every file under
 * tests/fuzz-regressions/<target>/ goes to the same function as the libFuzzer target
 * (fuzz/targets.c), so a crash that was fixed stays fixed in every build, sanitized or not.
 * usage: fuzz_replay DIR [TARGET]   (exit 0 when every input ran; a regression crashes) */
#ifndef _DEFAULT_SOURCE
#define _DEFAULT_SOURCE
#endif
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "targets.h"

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Reads a whole file; NULL on failure. */
static unsigned char *slurp(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f) return NULL;
    unsigned char *buf = NULL;
    size_t cap = 0, n = 0;
    for (;;) {
        if (n == cap) {
            cap = cap ? cap * 2 : 4096;
            unsigned char *p = realloc(buf, cap);
            if (!p) {
                free(buf);
                fclose(f);
                return NULL;
            }
            buf = p;
        }
        size_t got = fread(buf + n, 1, cap - n, f);
        n += got;
        if (got == 0) break;
    }
    int bad = ferror(f);
    fclose(f);
    if (bad) {
        free(buf);
        return NULL;
    }
    *len = n;
    return buf;
}

/* Names of the regular files in dir, sorted; count in *n. */
static char **list_dir(const char *dir, size_t *n)
{
    *n = 0;
    DIR *d = opendir(dir);
    if (!d) return NULL;
    char **names = NULL;
    size_t cap = 0;
    struct dirent *e;
    while ((e = readdir(d))) {
        if (e->d_name[0] == '.') continue;
        if (*n == cap) {
            cap = cap ? cap * 2 : 16;
            char **p = realloc(names, cap * sizeof *p);
            if (!p) break;
            names = p;
        }
        if (!(names[*n] = strdup(e->d_name))) break;
        (*n)++;
    }
    closedir(d);
    if (names) qsort(names, *n, sizeof *names, cmp_str);
    return names;
}

static const an_fuzz_target *find_target(const char *name)
{
    for (const an_fuzz_target *t = an_fuzz_targets; t->name; t++)
        if (strcmp(t->name, name) == 0) return t;
    return NULL;
}

int main(int argc, char **argv)
{
    if (argc < 2 || argc > 3) {
        fprintf(stderr, "usage: fuzz_replay DIR [TARGET]\n");
        return 2;
    }
    const char *root = argv[1];
    const char *only = argc == 3 ? argv[2] : NULL;
    if (only && !find_target(only)) {
        fprintf(stderr, "fuzz_replay: no target named %s\n", only);
        return 2;
    }
    size_t ndirs;
    char **dirs = list_dir(root, &ndirs);
    int status = 0;
    size_t total = 0;
    for (size_t i = 0; i < ndirs; i++) {
        char path[4096];
        snprintf(path, sizeof path, "%s/%s", root, dirs[i]);
        struct stat st;
        if (stat(path, &st) < 0 || !S_ISDIR(st.st_mode)) continue; /* README */
        const an_fuzz_target *t = find_target(dirs[i]);
        if (!t) {
            /* An input nobody replays would be a fixed bug left unguarded. */
            fprintf(stderr, "fuzz_replay: %s: no fuzz target of that name\n", path);
            status = 1;
            continue;
        }
        if (only && strcmp(only, t->name) != 0) continue;
        size_t nfiles;
        char **files = list_dir(path, &nfiles);
        for (size_t k = 0; k < nfiles; k++) {
            char fpath[8192];
            snprintf(fpath, sizeof fpath, "%s/%s", path, files[k]);
            size_t len = 0;
            unsigned char *data = slurp(fpath, &len);
            if (!data) {
                fprintf(stderr, "fuzz_replay: cannot read %s\n", fpath);
                status = 1;
                continue;
            }
            fprintf(stderr, "fuzz_replay: %s %s (%zu bytes)\n", t->name, files[k], len);
            t->fn(data, len);
            free(data);
            total++;
        }
        for (size_t k = 0; k < nfiles; k++) free(files[k]);
        free(files);
    }
    for (size_t i = 0; i < ndirs; i++) free(dirs[i]);
    free(dirs);
    printf("fuzz_replay: %zu input(s) replayed\n", total);
    return status;
}
