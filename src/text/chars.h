/* chars.h — character classes the tokenizer needs, for ASCII by table and for other
 * code points through utf8proc, with the news-relevant punctuation mapped:
 * curly apostrophes, curly and angle quotes, dashes, bullets, ellipsis, currency signs. */
#ifndef AN_CHARS_H
#define AN_CHARS_H

#include <stdint.h>

typedef enum an_charclass {
    AN_CH_SPACE = 0,   /* blanks, tabs, other separators and control characters */
    AN_CH_NEWLINE,
    AN_CH_LETTER,      /* letters and combining marks */
    AN_CH_DIGIT,
    AN_CH_APOSTROPHE,  /* ' and its typographic forms */
    AN_CH_QUOTE,       /* " and its typographic forms, « » */
    AN_CH_HYPHEN,      /* - and the short dashes that join words */
    AN_CH_DASH,        /* em dash, horizontal bar: clause dashes */
    AN_CH_PERIOD,
    AN_CH_END,         /* ! ? */
    AN_CH_ELLIPSIS,
    AN_CH_COMMA,       /* , */
    AN_CH_CLAUSE,      /* ; : ( ) [ ] */
    AN_CH_CURRENCY,
    AN_CH_BULLET,
    AN_CH_OTHER,       /* any other symbol or punctuation */
} an_charclass;

extern const unsigned char an_ascii_class[128];

/* Class of a non-ASCII code point. */
an_charclass an_char_class_u(int32_t cp);

static inline an_charclass an_char_class(int32_t cp)
{
    return cp < 128 ? (an_charclass)an_ascii_class[cp] : an_char_class_u(cp);
}

#endif
