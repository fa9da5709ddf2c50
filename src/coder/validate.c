/* validate.c — running a gold suite (an_validate): loads the suite's dictionaries unless
 * given others, codes each record as one sentence, applies control records and PETRARCH
 * config values in order, and compares the outcome with the record's expectation
 * (exact_ordered, prefix_ordered, exact_unordered, or a special outcome). */
#include <jansson.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "coder/coder_impl.h"
#include "dict/dict.h"
#include "util/buf.h"
#include "util/error.h"

typedef struct triple {
    const char *s, *t, *c;
} triple;

static void describe_events(an_buf *b, const an_result *res)
{
    an_buf_clear(b);
    for (size_t i = 0; i < res->event_count; i++)
        an_buf_printf(b, "%s%s>%s:%s", i ? " " : "", res->events[i].source,
                      res->events[i].target, res->events[i].code);
    if (res->event_count == 0) an_buf_puts(b, "(none)");
}

static const char *status_name(int st)
{
    switch (st) {
    case AN_SENT_DISCARD: return "(discard)";
    case AN_SENT_STORYDISCARD: return "(story discard)";
    case AN_SENT_COMPLEX: return "(complex)";
    case AN_SENT_TOOSHORT: return "(too few words)";
    case AN_SENT_TOOLONG: return "(too long)";
    case AN_SENT_BADPARSE: return "(bad parse)";
    default: return "(none)";
    }
}

static int eq(const char *a, const char *b) { return a && b && strcmp(a, b) == 0; }

static int match_ordered(const triple *exp, size_t ne, const an_result *res, int prefix)
{
    if (prefix ? res->event_count < ne : res->event_count != ne) return 0;
    for (size_t i = 0; i < ne; i++) {
        const an_event *e = &res->events[i];
        if (!eq(exp[i].s, e->source) || !eq(exp[i].t, e->target) || !eq(exp[i].c, e->code))
            return 0;
    }
    return 1;
}

static int match_unordered(const triple *exp, size_t ne, const an_result *res)
{
    if (res->event_count != ne) return 0;
    unsigned char used[256] = {0};
    if (ne > sizeof used) return 0;
    for (size_t i = 0; i < res->event_count; i++) {
        const an_event *e = &res->events[i];
        int found = 0;
        for (size_t k = 0; k < ne && !found; k++) {
            if (used[k]) continue;
            if (eq(exp[k].s, e->source) && eq(exp[k].t, e->target) && eq(exp[k].c, e->code)) {
                used[k] = 1;
                found = 1;
            }
        }
        if (!found) return 0;
    }
    return 1;
}

/* PETRARCH <Config> values in force for a record. */
static void apply_config(an_options *o, json_t *config, const an_options *base)
{
    *o = *base;
    if (!json_is_object(config)) return;
    const char *key;
    json_t *v;
    json_object_foreach(config, key, v) {
        if (!json_is_string(v)) continue;
        const char *sv = json_string_value(v);
        int n = atoi(sv);
        if (!strcmp(key, "require_dyad")) o->require_dyad = !(sv[0] == 'f' || sv[0] == 'F' || sv[0] == '0');
        else if (!strcmp(key, "new_actor_length")) o->new_actor_length = n;
        else if (!strcmp(key, "comma_min")) o->comma_min = n;
        else if (!strcmp(key, "comma_max")) o->comma_max = n;
        else if (!strcmp(key, "comma_bmin")) o->comma_bmin = n;
        else if (!strcmp(key, "comma_bmax")) o->comma_bmax = n;
        else if (!strcmp(key, "comma_emin")) o->comma_emin = n;
        else if (!strcmp(key, "comma_emax")) o->comma_emax = n;
    }
}

/* Loads the suite's own dictionaries: suite.dictset and suite.json's options_file. */
static int load_suite_dicts(an_dict *d, const char *suite, an_error *err)
{
    char dir[PATH_MAX];
    snprintf(dir, sizeof dir, "%s", suite);
    char *slash = strrchr(dir, '/');
    if (slash) slash[1] = '\0';
    else snprintf(dir, sizeof dir, "./");
    char path[PATH_MAX + 64];
    snprintf(path, sizeof path, "%ssuite.dictset", dir);
    if (access(path, R_OK) != 0) {
        /* A suite without its own dictionaries is coded with the bundled ones. */
        return an_dict_load_default(d, err) < 0 && err && err->code != AN_EBADINPUT ? err->code : 0;
    }
    int rc = an_dict_load(d, path, err);
    if (rc < 0 && rc != AN_EBADINPUT) return rc;
    snprintf(path, sizeof path, "%ssuite.json", dir);
    json_t *meta = json_load_file(path, 0, NULL);
    if (meta) {
        json_t *opt = json_object_get(meta, "options_file");
        if (json_is_string(opt)) {
            char op[PATH_MAX + 64];
            snprintf(op, sizeof op, "%s%s", dir, json_string_value(opt));
            int r2 = an_dict_load(d, op, err);
            if (r2 < 0 && r2 != AN_EBADINPUT) rc = r2;
        }
        json_decref(meta);
    }
    return rc < 0 && rc != AN_EBADINPUT ? rc : 0;
}

int an_validate(const char *suite_path, const an_validate_opts *opts, an_validate_fn fn,
                void *userdata, an_validate_summary *out, an_error *err)
{
    an_validate_opts defaults = AN_VALIDATE_OPTS_INIT;
    if (!opts) opts = &defaults;
    memset(out, 0, sizeof *out);
    an_dict *d = NULL;
    an_coder *c = NULL;
    FILE *f = NULL;
    an_buf exp_text = AN_BUF_INIT, got_text = AN_BUF_INIT;
    int rc = an_dict_new(&d, err);
    if (rc < 0) return rc;
    an_dict_set_diag(d, opts->diag, opts->diag_ud);
    if (opts->dicts && opts->ndicts) {
        for (size_t i = 0; i < opts->ndicts; i++) {
            rc = an_dict_load(d, opts->dicts[i], err);
            if (rc < 0 && rc != AN_EBADINPUT) goto done;
        }
    } else if ((rc = load_suite_dicts(d, suite_path, err)) < 0) {
        goto done;
    }
    if ((rc = an_dict_finish(d, err)) < 0) goto done;
    an_code_opts co = AN_CODE_OPTS_INIT;
    co.parse = opts->parse;
    if ((rc = an_coder_new(&c, d, &co, err)) < 0) goto done;
    an_options base = d->options;  /* changed by control records */

    f = fopen(suite_path, "r");
    if (!f) {
        rc = an_err(err, AN_ENOTFOUND, suite_path, 0, "cannot open the suite");
        goto done;
    }
    char *line = NULL;
    size_t cap = 0;
    ssize_t n;
    unsigned long lineno = 0;
    while ((n = getline(&line, &cap, f)) > 0) {
        lineno++;
        json_error_t jerr;
        json_t *rec = json_loadb(line, (size_t)n, 0, &jerr);
        if (!rec || !json_is_object(rec)) {
            rc = an_err(err, AN_EBADINPUT, suite_path, lineno, "invalid JSON: %s", jerr.text);
            json_decref(rec);
            break;
        }
        out->records++;
        const char *id = json_string_value(json_object_get(rec, "id"));
        const char *expect = json_string_value(json_object_get(rec, "expect"));
        const char *match = json_string_value(json_object_get(rec, "match"));
        const char *text = json_string_value(json_object_get(rec, "text"));
        const char *date = json_string_value(json_object_get(rec, "date"));
        const char *category = json_string_value(json_object_get(rec, "category"));
        if (!id || !expect || !text) {
            rc = an_err(err, AN_EBADINPUT, suite_path, lineno,
                        "record needs \"id\", \"expect\" and \"text\"");
            json_decref(rec);
            break;
        }
        json_t *options = json_object_get(rec, "options");
        if (json_is_array(options)) {
            size_t i;
            json_t *o;
            json_array_foreach(options, i, o) {
                if (json_is_string(o))
                    an_dict_apply_option(d, &base, json_string_value(o), suite_path, lineno);
            }
        }
        an_options now;
        apply_config(&now, json_object_get(rec, "config"), &base);
        an_coder_set_options(c, &now);

        an_doc doc;
        memset(&doc, 0, sizeof doc);
        doc.id = id;
        doc.date = date;
        doc.text = text;
        doc.text_len = strlen(text);
        doc.parse = json_string_value(json_object_get(rec, "parse"));
        doc.file = suite_path;
        doc.line = lineno;
        doc.single_sentence = 1;
        an_result res;
        an_error cerr = {0};
        if (an_coder_code(c, &doc, &res, &cerr) < 0) {
            if (err) *err = cerr;
            rc = cerr.code ? cerr.code : AN_EINTERNAL;
            json_decref(rec);
            break;
        }
        int status = res.sentence_count ? an_coder_sentence_status(c, 0) : AN_SENT_NOEVENTS;

        /* What the record expects. */
        json_t *expected = json_object_get(rec, "expected");
        size_t ne = json_is_array(expected) ? json_array_size(expected) : 0;
        triple exp[64];
        if (ne > 64) ne = 64;
        an_buf_clear(&exp_text);
        for (size_t i = 0; i < ne; i++) {
            json_t *e = json_array_get(expected, i);
            exp[i].s = json_string_value(json_object_get(e, "source"));
            exp[i].t = json_string_value(json_object_get(e, "target"));
            exp[i].c = json_string_value(json_object_get(e, "code"));
            an_buf_printf(&exp_text, "%s%s>%s:%s", i ? " " : "", exp[i].s ? exp[i].s : "?",
                          exp[i].t ? exp[i].t : "?", exp[i].c ? exp[i].c : "?");
        }
        describe_events(&got_text, &res);
        if (status != AN_SENT_EVENTS && status != AN_SENT_NOEVENTS)
            an_buf_puts(&got_text, status_name(status));

        int counted = 1, passed = 0;
        if (!strcmp(expect, "events")) {
            if (match && !strcmp(match, "exact_unordered")) passed = match_unordered(exp, ne, &res);
            else passed = match_ordered(exp, ne, &res, match && !strcmp(match, "prefix_ordered"));
        } else if (!strcmp(expect, "no_events")) {
            /* TABARI's {---} does not accept a discard (tabari-semantics.md §6); elsewhere a
             * discarded sentence has, as expected, no events. */
            int tabari_rules = match && !strcmp(match, "exact_ordered");
            passed = status == AN_SENT_NOEVENTS || status == AN_SENT_TOOSHORT ||
                     (!tabari_rules && (status == AN_SENT_DISCARD || status == AN_SENT_STORYDISCARD));
            an_buf_puts(&exp_text, "(no events)");
        } else if (!strcmp(expect, "discard")) {
            passed = status == AN_SENT_DISCARD || status == AN_SENT_STORYDISCARD;
            an_buf_puts(&exp_text, "(discard)");
        } else if (!strcmp(expect, "complex")) {
            passed = status == AN_SENT_COMPLEX;
            an_buf_puts(&exp_text, "(complex)");
        } else if (!strcmp(expect, "error")) {
            const char *what = json_string_value(json_object_get(rec, "error"));
            if (what && !strcmp(what, "storydiscard")) passed = status == AN_SENT_STORYDISCARD;
            else if (what && !strcmp(what, "sentencediscard")) passed = status == AN_SENT_DISCARD;
            else if (what && !strcmp(what, "bad_input_parse")) passed = status == AN_SENT_BADPARSE;
            else if (what && !strcmp(what, "dateline")) passed = an_coder_had_dateline(c);
            else passed = 0;
            an_buf_printf(&exp_text, "(error: %s)", what ? what : "?");
        } else {
            counted = 0; /* control, unchecked, unknown */
        }
        if (counted) {
            out->counted++;
            if (passed) out->passed++;
            else out->failed++;
        }
        if (fn) {
            an_validate_record r = {id, category ? category : "", expect, counted, passed,
                                    exp_text.data ? exp_text.data : "",
                                    got_text.data ? got_text.data : ""};
            fn(userdata, &r);
        }
        json_decref(rec);
    }
    free(line);
done:
    if (f) fclose(f);
    an_buf_free(&exp_text);
    an_buf_free(&got_text);
    an_coder_free(c);
    an_dict_free(d);
    return rc < 0 && rc != AN_EBADINPUT ? rc : 0;
}
