/* test_util.c - unit tests for src/util: the arena (alignment, large blocks, reuse after
 * reset), the intern table (stable ids, find vs add, growth past 100k strings), calendar
 * dates (day numbers, weekdays, the news date forms of date.h), JSON escaping in an_buf,
 * error records and growable vectors. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "annalist.h"
#include "text/utf8.h"
#include "util/arena.h"
#include "util/buf.h"
#include "util/date.h"
#include "util/error.h"
#include "util/intern.h"
#include "util/vec.h"

/* ---------------------------------------------------------------- arena */

static void test_arena_alignment(void **state)
{
    (void)state;
    an_arena a;
    an_arena_init(&a, 4096);
    unsigned char *ptrs[300];
    size_t sizes[300], total = 0;
    for (size_t i = 0; i < 300; i++) {
        sizes[i] = i % 37 + 1; /* 1..37 bytes: every remainder mod 16 */
        total += sizes[i];
        ptrs[i] = an_arena_alloc(&a, sizes[i]);
        assert_non_null(ptrs[i]);
        assert_int_equal((uintptr_t)ptrs[i] % 16, 0);
        memset(ptrs[i], (int)(i & 0xFF), sizes[i]);
    }
    /* No allocation overlaps another: each still holds its own fill byte. */
    for (size_t i = 0; i < 300; i++)
        for (size_t k = 0; k < sizes[i]; k++) assert_int_equal(ptrs[i][k], (unsigned char)(i & 0xFF));
    assert_int_equal(a.used_total, total);
    /* Zero bytes still gives a distinct, aligned pointer. */
    void *z1 = an_arena_alloc(&a, 0), *z2 = an_arena_alloc(&a, 0);
    assert_non_null(z1);
    assert_non_null(z2);
    assert_ptr_not_equal(z1, z2);
    assert_int_equal((uintptr_t)z1 % 16, 0);
    an_arena_free(&a);
    assert_null(a.head);
}

static void test_arena_large_blocks(void **state)
{
    (void)state;
    an_arena a;
    an_arena_init(&a, 4096);
    char *small1 = an_arena_alloc(&a, 10);
    assert_non_null(small1);
    /* Larger than the block size: its own block, fully writable, aligned. */
    size_t big_n = (size_t)1 << 20;
    unsigned char *big = an_arena_alloc(&a, big_n);
    assert_non_null(big);
    assert_int_equal((uintptr_t)big % 16, 0);
    memset(big, 0xAB, big_n);
    assert_int_equal(big[0], 0xAB);
    assert_int_equal(big[big_n - 1], 0xAB);
    char *small2 = an_arena_alloc(&a, 10);
    assert_non_null(small2);
#ifndef AN_ARENA_DEBUG
    /* The big block does not end the current block: small requests continue in it. */
    assert_ptr_equal(small2, small1 + 16);
#endif
    /* More than a quarter block that no longer fits: its own block, the current one stays. */
    assert_non_null(an_arena_alloc(&a, 3000));
    unsigned char *mid = an_arena_alloc(&a, 3000);
    assert_non_null(mid);
    memset(mid, 0xCD, 3000);
    char *small3 = an_arena_alloc(&a, 10);
    assert_non_null(small3);
#ifndef AN_ARENA_DEBUG
    assert_ptr_equal(small3, small2 + 16 + 3008);
#endif
    assert_int_equal(big[big_n / 2], 0xAB);
    assert_int_equal(mid[2999], 0xCD);
    /* Impossible sizes fail cleanly. */
    assert_null(an_arena_alloc(&a, SIZE_MAX));
    assert_null(an_arena_calloc(&a, SIZE_MAX / 2, 4));
    an_arena_free(&a);
}

static void test_arena_reset_reuse(void **state)
{
    (void)state;
    an_arena a;
    an_arena_init(&a, 8192);
    for (int i = 0; i < 1000; i++) assert_non_null(an_arena_alloc(&a, 100)); /* many blocks */
    assert_non_null(an_arena_alloc(&a, 100000));                            /* a big one */
    assert_true(a.used_total >= 100000 + 1000 * 100);
    an_arena_reset(&a);
    assert_int_equal(a.used_total, 0);
    char *p1 = an_arena_alloc(&a, 100);
    assert_non_null(p1);
    memset(p1, 1, 100);
    an_arena_alloc(&a, 3000);
    an_arena_reset(&a);
    char *p2 = an_arena_alloc(&a, 100);
    assert_non_null(p2);
    memset(p2, 2, 100);
#ifndef AN_ARENA_DEBUG
    /* One block is kept and reused from its start: a steady state allocates nothing. */
    assert_ptr_equal(p2, p1);
    assert_non_null(a.head);
#endif
    /* calloc zeroes memory that was used before the reset. */
    an_arena_reset(&a);
    unsigned char *p = an_arena_alloc(&a, 64);
    memset(p, 0xFF, 64);
    an_arena_reset(&a);
    unsigned char *q = an_arena_calloc(&a, 16, 4);
    assert_non_null(q);
    for (int i = 0; i < 64; i++) assert_int_equal(q[i], 0);
    /* strndup copies exactly and terminates. */
    char *s = an_arena_strndup(&a, "Islamabad, Pakistan", 9);
    assert_string_equal(s, "Islamabad");
    assert_string_equal(an_arena_strdup(&a, ""), "");
    an_arena_free(&a);
    an_arena_free(&a); /* freeing twice is harmless */
}

/* ---------------------------------------------------------------- intern */

static void test_intern_ids(void **state)
{
    (void)state;
    an_intern t;
    assert_int_equal(an_intern_init(&t), 0);
    assert_int_equal(an_intern_find(&t, "PAKISTAN", 8), AN_NO_ID);
    uint32_t pak = an_intern_add(&t, "PAKISTAN", 8);
    uint32_t chn = an_intern_add(&t, "CHINA", 5);
    assert_int_equal(pak, 0);
    assert_int_equal(chn, 1);
    assert_int_equal(an_intern_add(&t, "PAKISTAN", 8), pak);
    assert_int_equal(an_intern_find(&t, "PAKISTAN", 8), pak);
    assert_int_equal(t.count, 2);
    /* Length counts: a prefix is a different string; find never adds. */
    assert_int_equal(an_intern_find(&t, "PAKISTAN", 3), AN_NO_ID);
    assert_int_equal(an_intern_find(&t, "PAKISTANI", 9), AN_NO_ID);
    assert_int_equal(t.count, 2);
    uint32_t pa = an_intern_add(&t, "PAKISTAN", 3);
    assert_int_equal(pa, 2);
    assert_string_equal(an_intern_str(&t, pa), "PAK");
    assert_int_equal(an_intern_len(&t, pa), 3);
    /* Embedded NUL bytes and the empty string are ordinary strings. */
    uint32_t nul = an_intern_add(&t, "A\0B", 3);
    uint32_t a_only = an_intern_add(&t, "A", 1);
    assert_int_not_equal(nul, a_only);
    assert_int_equal(an_intern_len(&t, nul), 3);
    assert_memory_equal(an_intern_str(&t, nul), "A\0B", 3);
    uint32_t empty = an_intern_add(&t, "", 0);
    assert_int_equal(an_intern_find(&t, "", 0), empty);
    assert_string_equal(an_intern_str(&t, empty), "");
    /* The table copies: changing the caller's buffer changes nothing. */
    char buf[] = "GAZA";
    uint32_t gaza = an_intern_add(&t, buf, 4);
    buf[0] = 'X';
    assert_string_equal(an_intern_str(&t, gaza), "GAZA");
    assert_int_equal(an_intern_find(&t, "GAZA", 4), gaza);
    assert_int_equal(an_intern_find(&t, buf, 4), AN_NO_ID);
    an_intern_free(&t);
}

static void test_intern_growth(void **state)
{
    (void)state;
    enum { N = 150000 };
    an_intern t;
    assert_int_equal(an_intern_init(&t), 0);
    char buf[32];
    const char *first_str = NULL;
    for (uint32_t i = 0; i < N; i++) {
        int n = snprintf(buf, sizeof buf, "word%u", i);
        uint32_t id = an_intern_add(&t, buf, (size_t)n);
        assert_int_equal(id, i); /* dense and in order */
        if (i == 0) first_str = an_intern_str(&t, 0);
    }
    assert_int_equal(t.count, N);
    /* The table stays less than half full. */
    assert_true(t.nslots >= 2 * t.count);
    /* Every id is still found, its string unchanged; early strings did not move. */
    for (uint32_t i = 0; i < N; i++) {
        int n = snprintf(buf, sizeof buf, "word%u", i);
        assert_int_equal(an_intern_find(&t, buf, (size_t)n), i);
        assert_int_equal(an_intern_add(&t, buf, (size_t)n), i);
        assert_string_equal(an_intern_str(&t, i), buf);
    }
    assert_ptr_equal(an_intern_str(&t, 0), first_str);
    assert_int_equal(t.count, N);
    assert_int_equal(an_intern_find(&t, "word150000", 10), AN_NO_ID);
    assert_int_equal(an_intern_find(&t, "word", 4), AN_NO_ID);
    an_intern_free(&t);
}

static void test_hash(void **state)
{
    (void)state;
    /* Deterministic, and length and every byte count. */
    assert_true(an_hash_bytes("abc", 3) == an_hash_bytes("abc", 3));
    assert_true(an_hash_bytes("abc", 3) != an_hash_bytes("abd", 3));
    assert_true(an_hash_bytes("abc", 3) != an_hash_bytes("abc\0", 4));
    assert_true(an_hash_bytes("abcdefghi", 9) != an_hash_bytes("abcdefghj", 9));
    assert_true(an_hash_bytes("", 0) != an_hash_bytes("\0", 1));
}

/* ---------------------------------------------------------------- dates */

static void test_date_round_trip(void **state)
{
    (void)state;
    int prev = an_date_from_ymd(1899, 12, 31);
    long checked = 0;
    for (int y = 1900; y <= 2100; y++) {
        for (int m = 1; m <= 12; m++) {
            for (int d = 1; d <= 31; d++) {
                if (!an_date_valid(y, m, d)) continue;
                int days = an_date_from_ymd(y, m, d);
                assert_int_equal(days, prev + 1); /* consecutive days, no gaps */
                prev = days;
                int yy, mm, dd;
                an_date_to_ymd(days, &yy, &mm, &dd);
                assert_int_equal(yy, y);
                assert_int_equal(mm, m);
                assert_int_equal(dd, d);
                checked++;
            }
        }
    }
    /* 201 years: 49 leap years (1900 and 2100 are not, 2000 is). */
    assert_int_equal(checked, 201L * 365 + 49);
    assert_int_equal(an_date_from_ymd(1970, 1, 1), 0);
    assert_int_equal(an_date_from_ymd(1969, 12, 31), -1);
    assert_int_equal(an_date_from_ymd(2000, 1, 1), 10957);
    assert_int_equal(an_date_from_ymd(1900, 1, 1), -25567);
    assert_int_equal(an_date_from_ymd(2024, 11, 26), 20053);
    assert_int_equal(an_date_from_ymd(2100, 12, 31), 47846);
    /* Leap years. */
    assert_false(an_date_valid(1900, 2, 29));
    assert_true(an_date_valid(2000, 2, 29));
    assert_true(an_date_valid(2024, 2, 29));
    assert_false(an_date_valid(2023, 2, 29));
    assert_false(an_date_valid(2100, 2, 29));
    assert_false(an_date_valid(2024, 4, 31));
    assert_false(an_date_valid(2024, 13, 1));
    assert_false(an_date_valid(2024, 0, 1));
    assert_false(an_date_valid(2024, 1, 0));
    assert_int_equal(an_date_from_ymd(1900, 3, 1) - an_date_from_ymd(1900, 2, 28), 1);
    assert_int_equal(an_date_from_ymd(2000, 3, 1) - an_date_from_ymd(2000, 2, 28), 2);
}

static void test_date_weekday_format(void **state)
{
    (void)state;
    static const struct { int y, m, d, wd; } known[] = {
        {2024, 11, 26, 1}, /* a Tuesday */
        {1970, 1, 1, 3},   /* Thursday */
        {1969, 12, 31, 2}, /* Wednesday: a negative day number */
        {1900, 1, 1, 0},   /* Monday */
        {2000, 1, 1, 5},   /* Saturday */
        {1944, 6, 6, 1},   /* Tuesday */
        {2024, 2, 29, 3},  /* Thursday */
        {2100, 12, 31, 4}, /* Friday */
        {2026, 1, 15, 3},  /* Thursday */
    };
    for (size_t i = 0; i < sizeof known / sizeof known[0]; i++)
        assert_int_equal(an_date_weekday(an_date_from_ymd(known[i].y, known[i].m, known[i].d)),
                         known[i].wd);
    /* Seven days on is the same weekday, over the whole range. */
    for (int days = an_date_from_ymd(1900, 1, 1); days < an_date_from_ymd(2101, 1, 1); days += 97)
        assert_int_equal(an_date_weekday(days + 7), an_date_weekday(days));

    char out[11];
    an_date_format(an_date_from_ymd(2024, 11, 26), out);
    assert_string_equal(out, "2024-11-26");
    an_date_format(an_date_from_ymd(1900, 1, 1), out);
    assert_string_equal(out, "1900-01-01");
    an_date_format(AN_NO_DATE, out);
    assert_string_equal(out, "");

    assert_int_equal(an_date_parse_iso("2024-11-26", 10), an_date_from_ymd(2024, 11, 26));
    assert_int_equal(an_date_parse_iso("2024-02-29", 10), an_date_from_ymd(2024, 2, 29));
    assert_int_equal(an_date_parse_iso("2023-02-29", 10), AN_NO_DATE);
    assert_int_equal(an_date_parse_iso("2024-11-31", 10), AN_NO_DATE);
    assert_int_equal(an_date_parse_iso("2024-1-26", 9), AN_NO_DATE);
    assert_int_equal(an_date_parse_iso("2024/11/26", 10), AN_NO_DATE);
    assert_int_equal(an_date_parse_iso("2024-11-26T10:00", 16), AN_NO_DATE);
    assert_int_equal(an_date_parse_iso("20x4-11-26", 10), AN_NO_DATE);
    assert_int_equal(an_date_parse_iso("0000-01-01", 10), AN_NO_DATE);
}

static void test_month_weekday_names(void **state)
{
    (void)state;
    size_t c = 0;
    assert_int_equal(an_month_from_name("November", 8, &c), 11);
    assert_int_equal(c, 8);
    assert_int_equal(an_month_from_name("Nov. 25", 7, &c), 11);
    assert_int_equal(c, 4);
    assert_int_equal(an_month_from_name("sept.", 5, &c), 9);
    assert_int_equal(c, 5);
    assert_int_equal(an_month_from_name("Sep", 3, &c), 9);
    assert_int_equal(an_month_from_name("MAY", 3, &c), 5);
    assert_int_equal(an_month_from_name("Mayor", 5, &c), 0);
    assert_int_equal(an_month_from_name("Ma", 2, &c), 0);
    assert_int_equal(an_month_from_name("Janu", 4, &c), 0);
    assert_int_equal(an_weekday_from_name("Monday,", 7, &c), 0);
    assert_int_equal(c, 6);
    assert_int_equal(an_weekday_from_name("Sun.", 4, &c), 6);
    assert_int_equal(c, 4);
    assert_int_equal(an_weekday_from_name("Sunny", 5, &c), -1);
}

static void expect_date(const char *s, int y, int m, int d, size_t consumed)
{
    size_t c = 12345;
    int days = an_date_parse_text(s, strlen(s), &c);
    if (days != an_date_from_ymd(y, m, d))
        fail_msg("an_date_parse_text(\"%s\"): expected %04d-%02d-%02d, got day %d", s, y, m, d,
                 days);
    if (c != consumed) fail_msg("an_date_parse_text(\"%s\"): consumed %zu, expected %zu", s, c, consumed);
}

static void expect_no_date(const char *s)
{
    size_t c = 0;
    int days = an_date_parse_text(s, strlen(s), &c);
    if (days != AN_NO_DATE) fail_msg("an_date_parse_text(\"%s\") should fail, got day %d", s, days);
}

static void test_date_parse_text(void **state)
{
    (void)state;
    /* Every form listed in date.h. */
    expect_date("26 November 2024", 2024, 11, 26, 16);
    expect_date("November 25, 2024", 2024, 11, 25, 17);
    expect_date("Nov. 25 2024", 2024, 11, 25, 12);
    expect_date("2024-11-26", 2024, 11, 26, 10);
    expect_date("Monday, 25 November 2024", 2024, 11, 25, 24);
    expect_date("25 Nov 2024", 2024, 11, 25, 11);
    /* Variants of them. */
    expect_date("Nov 25, 2024", 2024, 11, 25, 12);
    expect_date("26 Nov. 2024", 2024, 11, 26, 12);
    expect_date("26th of November 2024", 2024, 11, 26, 21);
    expect_date("1st March 2024", 2024, 3, 1, 14);
    expect_date("Sept. 3, 2024", 2024, 9, 3, 13);
    expect_date("Monday, November 25, 2024", 2024, 11, 25, 25);
    expect_date("15 Jan 2026", 2026, 1, 15, 11);
    expect_date("january 5 2025", 2025, 1, 5, 14);
    expect_date("29 February 2024", 2024, 2, 29, 16);
    expect_date("31 December 1999", 1999, 12, 31, 16);
    /* Text after the date is not consumed. */
    expect_date("26 November 2024 at 10:32 GMT", 2024, 11, 26, 16);
    expect_date("2024-11-26, Islamabad", 2024, 11, 26, 10);
    /* Impossible or incomplete dates. */
    expect_no_date("31 February 2024");
    expect_no_date("30 February 2024");
    expect_no_date("29 February 2023");
    expect_no_date("31 April 2024");
    expect_no_date("32 January 2024");
    expect_no_date("0 January 2024");
    expect_no_date("2024-02-30");
    expect_no_date("2024-13-01");
    expect_no_date("February 30, 2024");
    expect_no_date("November 2024");
    expect_no_date("25 November");
    expect_no_date("25 November 24");
    expect_no_date("25 Novembre 2024");
    expect_no_date("25November 2024");
    expect_no_date("November 25, 20245");
    expect_no_date("Monday");
    expect_no_date("123 November 2024");
    expect_no_date("");
}

/* ---------------------------------------------------------------- buf, JSON */

/* Escapes s as JSON, checks the result is a JSON string that decodes to want. */
static void expect_json(const char *s, size_t len, const char *want_literal, const char *want_decoded)
{
    an_buf b = AN_BUF_INIT;
    an_buf_json_string(&b, s, len);
    assert_false(b.oom);
    assert_int_equal(strlen(b.data), b.len);
    if (want_literal) assert_string_equal(b.data, want_literal);
    assert_true(an_utf8_check(b.data, b.len, NULL));
    json_error_t jerr;
    json_t *v = json_loadb(b.data, b.len, JSON_DECODE_ANY | JSON_ALLOW_NUL, &jerr);
    if (!v) fail_msg("not valid JSON: %s (%s)", b.data, jerr.text);
    assert_true(json_is_string(v));
    if (want_decoded) {
        assert_int_equal(json_string_length(v), strlen(want_decoded));
        assert_string_equal(json_string_value(v), want_decoded);
    }
    json_decref(v);
    an_buf_free(&b);
}

static void test_buf_json(void **state)
{
    (void)state;
    expect_json("Pakistan", 8, "\"Pakistan\"", "Pakistan");
    expect_json("", 0, "\"\"", "");
    expect_json("say \"hi\"", 8, "\"say \\\"hi\\\"\"", "say \"hi\"");
    expect_json("a\\b", 3, "\"a\\\\b\"", "a\\b");
    expect_json("l1\nl2\tx\r", 8, "\"l1\\nl2\\tx\\r\"", "l1\nl2\tx\r");
    expect_json("\x01\x1f\b\f", 4, "\"\\u0001\\u001f\\u0008\\u000c\"", "\x01\x1f\b\f");
    /* A NUL byte inside the length is escaped, not a terminator. */
    expect_json("a\0b", 3, "\"a\\u0000b\"", NULL);
    /* Valid UTF-8 passes through: 2, 3 and 4 byte characters. */
    static const char multi[] = "T\xC3\xBCrkiye \xE2\x80\x99 \xF0\x9F\x87\xB5";
    expect_json(multi, strlen(multi), NULL, multi);
    /* Invalid bytes become U+FFFD, the rest is kept. */
    expect_json("a\xFF" "b", 3, "\"a\xEF\xBF\xBD" "b\"", "a\xEF\xBF\xBD" "b");
    expect_json("\x80", 1, "\"\xEF\xBF\xBD\"", NULL);
    expect_json("x\xC3", 2, "\"x\xEF\xBF\xBD\"", NULL);                /* cut short at the end */
    expect_json("\xC0\xAF", 2, NULL, NULL);                            /* overlong '/' */
    expect_json("\xED\xA0\x80", 3, NULL, NULL);                        /* a surrogate */
    expect_json("\xF4\x90\x80\x80", 4, NULL, NULL);                    /* above U+10FFFF */
    an_buf b = AN_BUF_INIT;
    an_buf_json_string(&b, "\xC0\xAF\xED\xA0\x80", 5);
    assert_null(strstr(b.data, "\xED\xA0"));
    assert_null(strchr(b.data, '/'));
    assert_non_null(strstr(b.data, "\xEF\xBF\xBD"));
    an_buf_free(&b);
}

static void test_buf_append(void **state)
{
    (void)state;
    an_buf b = AN_BUF_INIT;
    an_buf_puts(&b, "sent ");
    an_buf_printf(&b, "%d of %s", 3, "doc");
    an_buf_putc(&b, '!');
    assert_string_equal(b.data, "sent 3 of doc!");
    assert_int_equal(b.len, 14);
    /* Growth keeps the contents. */
    for (int i = 0; i < 10000; i++) an_buf_append(&b, "0123456789", 10);
    assert_int_equal(b.len, 14 + 100000);
    assert_int_equal(b.data[b.len], '\0');
    assert_memory_equal(b.data + 14 + 99990, "0123456789", 10);
    an_buf_clear(&b);
    assert_int_equal(b.len, 0);
    assert_string_equal(b.data, "");
    an_buf_free(&b);
    assert_null(b.data);
}

/* ---------------------------------------------------------------- errors, vectors */

static void test_error_text(void **state)
{
    (void)state;
    an_error e;
    memset(&e, 0, sizeof e);
    char buf[256];
    assert_int_equal(an_err(&e, AN_EBADINPUT, "verbs.txt", 1203, "pattern has no %s", "verb"),
                     AN_EBADINPUT);
    assert_string_equal(an_error_text(&e, buf, sizeof buf), "verbs.txt:1203: pattern has no verb");
    an_err(&e, AN_ENOTFOUND, "news.jsonl", 0, "cannot open");
    assert_string_equal(an_error_text(&e, buf, sizeof buf), "news.jsonl: cannot open");
    an_err(&e, AN_ENOMEM, NULL, 0, "out of memory");
    assert_string_equal(an_error_text(&e, buf, sizeof buf), "out of memory");
    assert_int_equal(e.code, AN_ENOMEM);
    assert_int_equal(an_err(NULL, AN_EIO, "x", 1, "ignored"), AN_EIO);
    /* Long messages are cut, not overrun. */
    char longname[600];
    memset(longname, 'f', sizeof longname - 1);
    longname[sizeof longname - 1] = '\0';
    an_err(&e, AN_EBADINPUT, longname, 7, "%s", longname);
    assert_int_equal(strlen(e.file), sizeof e.file - 1);
    assert_int_equal(strlen(e.msg), sizeof e.msg - 1);
    char small[8];
    assert_int_equal(strlen(an_error_text(&e, small, sizeof small)), 7);
    assert_string_equal(an_strerror(AN_EBADINPUT), "bad input");
    assert_string_equal(an_strerror(AN_OK), "success");
    assert_string_equal(an_strerror(12345), "unknown error");
}

static void test_vec(void **state)
{
    (void)state;
    AN_VEC(int) v = {0};
    for (int i = 0; i < 100000; i++) assert_int_equal(AN_VEC_PUSH(&v, i * 3), 0);
    assert_int_equal(v.n, 100000);
    assert_true(v.cap >= v.n);
    for (int i = 0; i < 100000; i++) assert_int_equal(v.v[i], i * 3);
    assert_int_equal(AN_VEC_RESERVE(&v, 10), 0); /* smaller than it is: nothing changes */
    AN_VEC_FREE(&v);
    assert_null(v.v);
    assert_int_equal(v.n, 0);
    /* A size that cannot be allocated fails without touching the vector. */
    AN_VEC(double) w = {0};
    assert_int_equal(AN_VEC_RESERVE(&w, SIZE_MAX / 4), -1);
    assert_null(w.v);
    assert_int_equal(w.cap, 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_arena_alignment),
        cmocka_unit_test(test_arena_large_blocks),
        cmocka_unit_test(test_arena_reset_reuse),
        cmocka_unit_test(test_intern_ids),
        cmocka_unit_test(test_intern_growth),
        cmocka_unit_test(test_hash),
        cmocka_unit_test(test_date_round_trip),
        cmocka_unit_test(test_date_weekday_format),
        cmocka_unit_test(test_month_weekday_names),
        cmocka_unit_test(test_date_parse_text),
        cmocka_unit_test(test_buf_json),
        cmocka_unit_test(test_buf_append),
        cmocka_unit_test(test_error_text),
        cmocka_unit_test(test_vec),
    };
    return cmocka_run_group_tests_name("util", tests, NULL, NULL);
}
