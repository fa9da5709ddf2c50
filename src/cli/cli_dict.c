/* cli_dict.c — loading the dictionaries a command was given (--dict, or the bundled set)
 * and printing their problems as "file:line: message". */
#include <stdio.h>

#include "cli.h"

typedef struct diag_state {
    int quiet;            /* show nothing */
    int all_warnings;     /* show each warning (dict check); else only count them */
    size_t shown, warnings;
} diag_state;

static void print_diag(void *ud, const an_error *e)
{
    diag_state *st = ud;
    if (e->code == 0) {
        st->warnings++;
        if (!st->all_warnings) return;
    }
    if (st->quiet) return;
    char buf[1024];
    fprintf(stderr, "annalist: %s%s\n", e->code == 0 ? "warning: " : "",
            an_error_text(e, buf, sizeof buf));
    st->shown++;
}

int cli_load_dict(const cli_common *c, an_dict **out, int quiet_problems)
{
    static diag_state st;
    st.quiet = quiet_problems == 1;
    st.all_warnings = quiet_problems == 2;
    st.shown = st.warnings = 0;
    an_error err = {0};
    an_dict *d;
    int rc = an_dict_new(&d, &err);
    if (rc < 0) {
        cli_error(&err);
        return rc;
    }
    an_dict_set_diag(d, print_diag, &st);
    int worst = 0;
    if (c->ndicts == 0) {
        rc = an_dict_load_default(d, &err);
        if (rc < 0 && rc != AN_EBADINPUT) {
            cli_error(&err);
            an_dict_free(d);
            return rc;
        }
        if (rc < 0) worst = rc;
    }
    for (int i = 0; i < c->ndicts; i++) {
        rc = an_dict_load(d, c->dicts[i], &err);
        if (rc < 0 && rc != AN_EBADINPUT) {
            cli_error(&err);
            an_dict_free(d);
            return rc;
        }
        if (rc < 0) worst = rc;
    }
    if (st.warnings && !st.all_warnings && !st.quiet)
        fprintf(stderr, "annalist: %zu duplicate dictionary entries ignored ('annalist dict check' "
                        "lists them)\n", st.warnings);
    rc = an_dict_finish(d, &err);
    if (rc < 0) {
        cli_error(&err);
        an_dict_free(d);
        return rc;
    }
    *out = d;
    return worst;
}
