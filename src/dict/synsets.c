/* synsets.c — synonym sets (&NAME with +member lines), shared by the verb loaders: a
 * synset is opened by its name, members are added as compiled sequences, and when the set
 * is closed its members are ordered longest first (tabari-semantics.md §2.6). */
#include <stdlib.h>
#include <string.h>

#include "dict/lex.h"
#include "dict/synsets.h"

int an_synset_open(an_dict *d, an_synset_builder *sb, const char *name, size_t len,
                   const char *file, unsigned long line)
{
    an_synset_close(d, sb);
    uint32_t w = an_lex_word(d, name, len);
    int64_t s = an_dict_synset(d, w, 1);
    if (s < 0) return AN_ENOMEM;
    if (d->synsets.v[s].defined) {
        an_dict_warning(d, file, line,
                        "synset %.*s defined again; the first definition is kept and these "
                        "members are ignored", (int)len, name);
        sb->active = 0;
        sb->skipping = 1;
        return 0;
    }
    /* 2 while its members are read (a member may not refer to it: matching would recurse
     * forever), 1 once closed. */
    d->synsets.v[s].defined = 2;
    d->synsets.v[s].members = (uint32_t)d->seqs.n;
    d->synsets.v[s].nmembers = 0;
    d->synsets.v[s].no_plural = len > 0 && name[len - 1] == '_';
    sb->active = 1;
    sb->synset = (uint32_t)s;
    return 0;
}

int an_synset_add(an_dict *d, an_synset_builder *sb, const an_seq *member)
{
    if (!sb->active) return 0;
    if (AN_VEC_PUSH(&d->seqs, *member) < 0) return AN_ENOMEM;
    d->synsets.v[sb->synset].nmembers++;
    return 0;
}

static int longer_first(const void *a, const void *b)
{
    const an_seq *x = a, *y = b;
    if (x->chars != y->chars) return x->chars > y->chars ? -1 : 1;
    return x->elems < y->elems ? -1 : x->elems > y->elems; /* stable: written order */
}

void an_synset_close(an_dict *d, an_synset_builder *sb)
{
    sb->skipping = 0;
    if (!sb->active) return;
    sb->active = 0;
    an_synset *s = &d->synsets.v[sb->synset];
    s->defined = 1;
    if (s->nmembers > 1) /* an empty synset may have no storage at all */
        qsort(d->seqs.v + s->members, s->nmembers, sizeof(an_seq), longer_first);
}
