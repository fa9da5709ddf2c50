/* petrarch_stub.c — placeholder until the PETRARCH loaders land (removed then). */
#include "dict/dict.h"
#include "util/error.h"

#define NOT_YET(fn) \
    __attribute__((weak)) int fn(an_dict *d, const char *path, an_error *err) \
    { (void)d; return an_err(err, AN_EUSAGE, path, 0, "PETRARCH dictionaries are not supported yet"); }
NOT_YET(an_load_petrarch_actors)
NOT_YET(an_load_petrarch_agents)
NOT_YET(an_load_petrarch_verbs)
NOT_YET(an_load_petrarch_discards)
NOT_YET(an_load_petrarch_issues)
