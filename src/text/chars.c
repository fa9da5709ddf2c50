/* chars.c — character classes (see chars.h). */
#include "text/chars.h"

#include <utf8proc.h>

#define S AN_CH_SPACE
#define N AN_CH_NEWLINE
#define L AN_CH_LETTER
#define D AN_CH_DIGIT
#define O AN_CH_OTHER

const unsigned char an_ascii_class[128] = {
    /* 0x00 */ S, S, S, S, S, S, S, S, S, S, N, S, S, S, S, S,
    /* 0x10 */ S, S, S, S, S, S, S, S, S, S, S, S, S, S, S, S,
    /* ' ' */ S, AN_CH_END, AN_CH_QUOTE, O, AN_CH_CURRENCY, O, O, AN_CH_APOSTROPHE,
    /* ( */ AN_CH_CLAUSE, AN_CH_CLAUSE, O, O, AN_CH_COMMA, AN_CH_HYPHEN, AN_CH_PERIOD, O,
    /* 0 */ D, D, D, D, D, D, D, D, D, D, AN_CH_CLAUSE, AN_CH_CLAUSE, O, O, O, AN_CH_END,
    /* @ */ O, L, L, L, L, L, L, L, L, L, L, L, L, L, L, L,
    /* P */ L, L, L, L, L, L, L, L, L, L, L, AN_CH_CLAUSE, O, AN_CH_CLAUSE, O, O,
    /* ` */ AN_CH_APOSTROPHE, L, L, L, L, L, L, L, L, L, L, L, L, L, L, L,
    /* p */ L, L, L, L, L, L, L, L, L, L, L, O, O, O, O, S,
};

#undef S
#undef N
#undef L
#undef D
#undef O

an_charclass an_char_class_u(int32_t cp)
{
    switch (cp) {
    case 0x2018: case 0x2019: case 0x02BC: case 0x00B4: case 0x2032: case 0x02B9:
        return AN_CH_APOSTROPHE;
    case 0x201C: case 0x201D: case 0x201E: case 0x201F: case 0x00AB: case 0x00BB:
    case 0x2033: case 0x301D: case 0x301E:
        return AN_CH_QUOTE;
    case 0x2010: case 0x2011: case 0x2012: case 0x2013: case 0x2212: case 0xFE63: case 0xFF0D:
        return AN_CH_HYPHEN;
    case 0x2014: case 0x2015: case 0x2E3A: case 0x2E3B:
        return AN_CH_DASH;
    case 0x2026:
        return AN_CH_ELLIPSIS;
    case 0x2022: case 0x00B7: case 0x25AA: case 0x25CF: case 0x2023: case 0x25E6: case 0x25A0:
    case 0x2043: case 0x2219: case 0x27A2: case 0x25BA:
        return AN_CH_BULLET;
    case 0x2028: case 0x2029: case 0x0085:
        return AN_CH_NEWLINE;
    case 0x200B: case 0x200C: case 0x200D: case 0x2060: case 0xFEFF: case 0x00AD:
        return AN_CH_SPACE;
    case 0xFF0C: case 0x3001: case 0x060C:
        return AN_CH_COMMA;
    case 0x3002: case 0xFF0E: case 0x06D4:
        return AN_CH_PERIOD;
    case 0xFF01: case 0xFF1F: case 0x061F:
        return AN_CH_END;
    case 0xFF1A: case 0xFF1B: case 0xFF08: case 0xFF09: case 0x061B:
        return AN_CH_CLAUSE;
    }
    switch (utf8proc_category(cp)) {
    case UTF8PROC_CATEGORY_LU: case UTF8PROC_CATEGORY_LL: case UTF8PROC_CATEGORY_LT:
    case UTF8PROC_CATEGORY_LM: case UTF8PROC_CATEGORY_LO: case UTF8PROC_CATEGORY_MN:
    case UTF8PROC_CATEGORY_MC: case UTF8PROC_CATEGORY_ME:
        return AN_CH_LETTER;
    case UTF8PROC_CATEGORY_ND: case UTF8PROC_CATEGORY_NL: case UTF8PROC_CATEGORY_NO:
        return AN_CH_DIGIT;
    case UTF8PROC_CATEGORY_ZS: case UTF8PROC_CATEGORY_CC: case UTF8PROC_CATEGORY_CF:
    case UTF8PROC_CATEGORY_CN: case UTF8PROC_CATEGORY_CO: case UTF8PROC_CATEGORY_CS:
        return AN_CH_SPACE;
    case UTF8PROC_CATEGORY_ZL: case UTF8PROC_CATEGORY_ZP:
        return AN_CH_NEWLINE;
    case UTF8PROC_CATEGORY_SC:
        return AN_CH_CURRENCY;
    case UTF8PROC_CATEGORY_PS: case UTF8PROC_CATEGORY_PE:
        return AN_CH_CLAUSE;
    case UTF8PROC_CATEGORY_PI: case UTF8PROC_CATEGORY_PF:
        return AN_CH_QUOTE;
    case UTF8PROC_CATEGORY_PD:
        return AN_CH_HYPHEN;
    default:
        return AN_CH_OTHER;
    }
}
