/* reader_jsonl.c — JSON Lines input: one document per line, {"id","date","text"} required
 * ("date" may be null), "title", "source", "url" and "parse" optional. */
#include <jansson.h>
#include <string.h>

#include "text/reader_impl.h"
#include "util/date.h"
#include "util/error.h"

/* Copies an optional string member into the document arena; a wrong type is an error. */
static int opt_string(an_reader *r, json_t *obj, const char *key, const char **out,
                      const char *id, unsigned long line, an_error *err)
{
    json_t *v = json_object_get(obj, key);
    if (!v || json_is_null(v)) return 0;
    if (!json_is_string(v))
        return an_err(err, AN_EBADINPUT, r->name, line, "document %s: \"%s\" must be a string",
                      id, key);
    *out = an_arena_strndup(&r->arena, json_string_value(v), json_string_length(v));
    return *out ? 0 : an_err_oom(err);
}

int an_read_jsonl_next(an_reader *r, an_error *err)
{
    for (;;) {
        const char *line;
        size_t len;
        int rc = an_linereader_next(r->lr, &line, &len, err);
        if (rc <= 0) return rc;
        unsigned long lineno = an_linereader_lineno(r->lr);
        size_t i = 0;
        if (lineno == 1 && len >= 3 && memcmp(line, "\xEF\xBB\xBF", 3) == 0) i = 3;
        while (i < len && (line[i] == ' ' || line[i] == '\t' || line[i] == '\r')) i++;
        if (i == len) continue;

        json_error_t jerr;
        json_t *obj = json_loadb(line + i, len - i, JSON_REJECT_DUPLICATES, &jerr);
        if (!obj)
            return an_err(err, AN_EBADINPUT, r->name, lineno, "invalid JSON at column %d: %s",
                          jerr.column, jerr.text);
        if (!json_is_object(obj)) {
            json_decref(obj);
            return an_err(err, AN_EBADINPUT, r->name, lineno,
                          "expected a JSON object with \"id\", \"date\" and \"text\"");
        }
        json_t *id = json_object_get(obj, "id");
        json_t *text = json_object_get(obj, "text");
        json_t *date = json_object_get(obj, "date");
        char idbuf[64];
        const char *id_str = NULL;
        if (json_is_string(id)) {
            id_str = json_string_value(id);
        } else if (json_is_integer(id)) {
            snprintf(idbuf, sizeof idbuf, "%lld", (long long)json_integer_value(id));
            id_str = idbuf;
        }
        if (!id_str || !id_str[0]) {
            rc = an_err(err, AN_EBADINPUT, r->name, lineno, "%s",
                        !id ? "missing \"id\" (expected a string or an integer)"
                            : "\"id\" must be a non-empty string or an integer");
            json_decref(obj);
            return rc;
        }
        if (!json_is_string(text)) {
            rc = an_err(err, AN_EBADINPUT, r->name, lineno, "document %s: %s", id_str,
                        text ? "\"text\" must be a string" : "missing \"text\"");
            json_decref(obj);
            return rc;
        }
        int days = AN_NO_DATE;
        if (!date) {
            /* Required: a document without a known date says so with null. */
            rc = an_err(err, AN_EBADINPUT, r->name, lineno,
                        "document %s: missing \"date\" (YYYY-MM-DD, or null when unknown)",
                        id_str);
            json_decref(obj);
            return rc;
        }
        if (json_is_string(date)) {
            const char *ds = json_string_value(date);
            days = an_date_parse_iso(ds, strlen(ds));
            if (days == AN_NO_DATE) {
                rc = an_err(err, AN_EBADINPUT, r->name, lineno,
                            "document %s: \"date\" is \"%.40s\", expected YYYY-MM-DD", id_str, ds);
                json_decref(obj);
                return rc;
            }
        } else if (!json_is_null(date)) {
            rc = an_err(err, AN_EBADINPUT, r->name, lineno,
                        "document %s: \"date\" must be a string YYYY-MM-DD or null", id_str);
            json_decref(obj);
            return rc;
        }
        rc = an_reader_finish_doc(r, id_str, days, json_string_value(text),
                                  json_string_length(text), lineno, err);
        if (rc == 1) {
            int orc = opt_string(r, obj, "title", &r->doc.title, r->doc.id, lineno, err);
            if (orc == 0) orc = opt_string(r, obj, "source", &r->doc.source, r->doc.id, lineno, err);
            if (orc == 0) orc = opt_string(r, obj, "url", &r->doc.url, r->doc.id, lineno, err);
            if (orc == 0) orc = opt_string(r, obj, "parse", &r->doc.parse, r->doc.id, lineno, err);
            if (orc < 0) rc = orc;
        }
        json_decref(obj);
        return rc;
    }
}
