/* sentence.c — groups a document's tokens into sentences, coping with news prose:
 * abbreviations and dotted acronyms that do not end a sentence (Jan., Gen., U.S.), closing
 * quotes and brackets after a full stop, bullets, photo captions ending in an agency credit
 * such as "(APP)", headlines and lines without a full stop, and hard-wrapped lines. */
#include "text/sentence.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "util/sorted.h"

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))
/* The word lists below are kept in strcmp order: an_in_sorted searches them. */

/* Capitalised words that commonly begin a sentence; after an ambiguous period (an
 * abbreviation or acronym) one of these starts a new sentence. */
static const char *const starters[] = {
    "A", "ACCORDING", "AFTER", "ALL", "ALSO", "ALTHOUGH", "AMONG", "AN", "AND", "ANOTHER",
    "AS", "AT", "BEFORE", "BESIDES", "BOTH", "BUT", "BY", "DESPITE", "DURING", "EACH",
    "EARLIER", "FOR", "FROM", "FURTHERMORE", "HE", "HER", "HERE", "HIS", "HOW", "HOWEVER", "I",
    "IF", "IN", "INSTEAD", "IT", "ITS", "LAST", "LATER", "MANY", "MEANWHILE", "MORE",
    "MOREOVER", "MOST", "NEXT", "NO", "NOT", "NOW", "OFFICIALS", "ON", "ONE", "OTHER", "OUR",
    "SEVERAL", "SHE", "SINCE", "SO", "SOME", "STILL", "THAT", "THE", "THEIR", "THEN", "THERE",
    "THESE", "THEY", "THIS", "THOSE", "THUS", "TO", "TWO", "UNDER", "WE", "WHAT", "WHEN",
    "WHERE", "WHILE", "WHO", "WHY", "WITH", "YET", "YOU",
};

static int is_starter(const char *norm) { return an_in_sorted(starters, COUNT(starters), norm); }

/* Titles never end a sentence unless a paragraph ends with them. */
static int is_title(const char *norm)
{
    static const char *const titles[] = {
        "ADM", "AMB", "APR", "AUG", "BRIG", "CAPT", "CMDR", "COL", "CPL", "DEC", "DET", "DR",
        "FEB", "FT", "GEN", "GOV", "HON", "INSP", "JAN", "JUL", "JUN", "LIEUT", "LT", "MAJ",
        "MAR", "MESSRS", "MR", "MRS", "MS", "MT", "NO", "NOV", "OCT", "PRES", "PROF", "PVT",
        "REP", "REV", "SEN", "SEP", "SEPT", "SGT", "ST", "SUPT", "VS",
    };
    return an_in_sorted(titles, COUNT(titles), norm);
}

/* Function words that cannot end a line of prose: the line was hard-wrapped. */
static int is_wrap_word(const char *norm)
{
    static const char *const words[] = {
        "A", "AN", "AND", "ARE", "AS", "AT", "BE", "BEEN", "BUT", "BY", "FOR", "FROM", "HAD",
        "HAS", "HAVE", "HER", "HIS", "IN", "IS", "ITS", "OF", "ON", "OR", "OUR", "SAID",
        "THAT", "THE", "THEIR", "TO", "WAS", "WERE", "WHICH", "WILL", "WITH", "WOULD",
    };
    return an_in_sorted(words, COUNT(words), norm);
}

static int starts_upper_or_digit(const an_token *t)
{
    return (t->flags & AN_TOKF_CAPITALIZED) || t->type == AN_TOK_NUMBER ||
           t->type == AN_TOK_CURRENCY || t->type == AN_TOK_QUOTE;
}

/* "(APP)", "(Reuters)", "(AFP)": an agency or photo credit closing a caption. */
static int is_credit_close(const an_token *toks, size_t i)
{
    if (i < 2) return 0;
    const an_token *close = &toks[i], *word = &toks[i - 1], *open = &toks[i - 2];
    if (strcmp(close->norm, ")") != 0 || strcmp(open->norm, "(") != 0) return 0;
    if (word->type != AN_TOK_WORD || !(word->flags & AN_TOKF_CAPITALIZED)) return 0;
    return strlen(word->norm) <= 12;
}

/* Does toks[j], right after a full stop, close what the sentence opened: ")" or a quote mark
 * touching the stop? A double quote closes when one is open; any quote mark closes when a
 * blank or the end follows it (single quotes are not counted: they double as apostrophes). */
static int is_closer(const an_token *toks, size_t j, size_t n, int open_quotes)
{
    const an_token *t = &toks[j];
    if (t->flags & AN_TOKF_SPACE_BEFORE) return 0;
    if (strcmp(t->norm, ")") == 0) return 1;
    if (t->type != AN_TOK_QUOTE) return 0;
    if (t->norm[0] == '"' && open_quotes) return 1;
    return j + 1 >= n || (toks[j + 1].flags & AN_TOKF_SPACE_BEFORE);
}

/* Hard-wrapped text: lines cut at a fixed width. A line break there is a wrap when the next
 * line's first word would not have fitted on the line (the width being the longest line), so
 * "met President\nXi Jinping" stays one sentence while a short headline line still ends one. */
typedef struct wrapinfo {
    uint32_t width;      /* longest line, in bytes; 0 when the text is not hard-wrapped */
} wrapinfo;

static uint32_t line_start_off(const an_token *toks, size_t first)
{
    /* The first line starts at the beginning of the text (a dateline may precede its first
     * token); later lines at their first token. */
    return first == 0 ? 0 : toks[first].span.off;
}

static uint32_t tok_end(const an_token *t) { return t->span.off + t->span.len; }

static void measure_wrap(wrapinfo *w, const an_token *toks, size_t n)
{
    w->width = 0;
    uint32_t maxlen = 0;
    int goes_on = 0; /* some line continues a sentence in lower case */
    for (size_t pass = 0; pass < 2; pass++) {
        size_t long_lines = 0;
        for (size_t i = 0; i < n;) {
            size_t j = i + 1;
            while (j < n && !(toks[j].flags & AN_TOKF_LINE_START)) j++;
            uint32_t len = tok_end(&toks[j - 1]) - line_start_off(toks, i);
            if (pass == 0 && len > maxlen) maxlen = len;
            if (pass == 0 && j < n && toks[j].type == AN_TOK_WORD &&
                !(toks[j].flags & (AN_TOKF_CAPITALIZED | AN_TOKF_PARA_START)))
                goes_on = 1;
            if (pass == 1 && len + 12 >= maxlen) long_lines++;
            i = j;
        }
        /* Wrapped prose has several lines near a screen's width, and sentences that go on
         * from one line to the next; a list of short or capitalised lines does not. */
        if (pass == 1 && goes_on && long_lines >= 3 && maxlen >= 40 && maxlen <= 160)
            w->width = maxlen;
    }
}

/* Is the line break before toks[next] a wrap by width (see wrapinfo)? */
static int wrapped_by_width(const wrapinfo *w, const an_token *toks, size_t n, size_t next)
{
    if (!w->width) return 0;
    size_t line_first = next - 1;
    while (line_first > 0 && !(toks[line_first].flags & AN_TOKF_LINE_START)) line_first--;
    uint32_t line_len = tok_end(&toks[next - 1]) - line_start_off(toks, line_first);
    size_t k = next + 1;
    while (k < n && !(toks[k].flags & (AN_TOKF_SPACE_BEFORE | AN_TOKF_LINE_START))) k++;
    uint32_t word_len = tok_end(&toks[k - 1]) - toks[next].span.off;
    return line_len + 1 + word_len > w->width;
}

static int push_sentence(an_sentvec *out, const an_token *toks, size_t first, size_t end,
                         uint32_t paragraph)
{
    /* Drop bullets at the edges. */
    while (first < end && (toks[first].flags & AN_TOKF_BULLET)) first++;
    if (first >= end) return 0;
    an_sentence s;
    s.first_token = (uint32_t)first;
    s.token_count = (uint32_t)(end - first);
    s.span.off = toks[first].span.off;
    s.span.len = toks[end - 1].span.off + toks[end - 1].span.len - s.span.off;
    s.paragraph = paragraph;
    return AN_VEC_PUSH(out, s) < 0 ? AN_ENOMEM : 0;
}

int an_split_sentences(an_sentvec *out, const an_token *toks, size_t n)
{
    size_t first = 0;
    uint32_t paragraph = 0;
    int open_quotes = 0; /* double quotes seen in the current sentence, mod 2 */
    wrapinfo wrap;
    measure_wrap(&wrap, toks, n);
    for (size_t i = 0; i < n; i++) {
        const an_token *t = &toks[i];
        const an_token *nx = i + 1 < n ? &toks[i + 1] : NULL;
        if (t->type == AN_TOK_QUOTE && t->norm[0] == '"') open_quotes ^= 1;

        /* A bullet or blank line always starts a new sentence. */
        if (nx && ((nx->flags & AN_TOKF_PARA_START) || (nx->flags & AN_TOKF_BULLET))) {
            if (push_sentence(out, toks, first, i + 1, paragraph) < 0) return AN_ENOMEM;
            first = i + 1;
            open_quotes = 0;
            if (nx->flags & AN_TOKF_PARA_START) paragraph++;
            continue;
        }
        if (!nx) break;

        int boundary = 0;
        size_t end = i + 1; /* one past the last token of the sentence */
        if (t->type == AN_TOK_END || strcmp(t->norm, "...") == 0) {
            /* Closing quotes and brackets stay with the sentence they close. */
            size_t j = i + 1;
            while (j < n && is_closer(toks, j, n, open_quotes)) {
                if (toks[j].type == AN_TOK_QUOTE && toks[j].norm[0] == '"') open_quotes ^= 1;
                j++;
            }
            if (j >= n) {
                i = j - 1;
                break;
            }
            const an_token *after = &toks[j];
            if (starts_upper_or_digit(after) || (after->flags & AN_TOKF_LINE_START) ||
                (after->type == AN_TOK_COMMA && strcmp(after->norm, "(") == 0)) {
                /* "... Islamabad. (APP)" : the credit belongs to this sentence. */
                if (j + 2 < n && is_credit_close(toks, j + 2) &&
                    (j + 3 >= n || (toks[j + 3].flags & AN_TOKF_LINE_START) ||
                     starts_upper_or_digit(&toks[j + 3]))) {
                    j += 3;
                }
                boundary = 1;
                end = j;
            }
        } else if ((t->flags & AN_TOKF_ABBREV) && !is_title(t->norm)) {
            /* "... in the U.S. The ..." */
            if ((nx->flags & AN_TOKF_CAPITALIZED) && is_starter(nx->norm)) boundary = 1;
        } else if (is_credit_close(toks, i) && (nx->flags & AN_TOKF_LINE_START)) {
            /* A caption without a full stop: "PM chairs a meeting (APP)" ending its line.
             * Inside a line "(PPP) Chairman Bilawal" is an acronym, not a credit. */
            boundary = 1;
        }
        if (!boundary && (nx->flags & AN_TOKF_LINE_START)) {
            /* A single line break: a headline or caption line ends here unless the line was
             * simply wrapped (the next line goes on in lower case, or this line ends in a
             * comma, a hyphen or a function word). */
            int wrapped = !starts_upper_or_digit(nx) || t->type == AN_TOK_COMMA ||
                          strcmp(t->norm, "--") == 0 || (nx->flags & AN_TOKF_HYPHEN_BEFORE) ||
                          is_wrap_word(t->norm) || (t->flags & AN_TOKF_ABBREV && is_title(t->norm)) ||
                          wrapped_by_width(&wrap, toks, n, i + 1);
            if (!wrapped) boundary = 1;
        }
        if (boundary) {
            if (push_sentence(out, toks, first, end, paragraph) < 0) return AN_ENOMEM;
            first = end;
            i = end - 1;
            open_quotes = 0;
        }
    }
    if (first < n && push_sentence(out, toks, first, n, paragraph) < 0) return AN_ENOMEM;
    return 0;
}
