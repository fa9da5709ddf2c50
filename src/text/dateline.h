/* dateline.h — the two "date line" rules of plain-text input (SPEC §3):
 *  - a line that is only a date ("Updated 26 November 2024") sets the document date;
 *  - a leading dateline ("ISLAMABAD: ...", "LONDON, Nov 25 (Reuters) - ...") names a place
 *    and is not part of the first sentence's actors. */
#ifndef AN_DATELINE_H
#define AN_DATELINE_H

#include <stddef.h>

/* If the whole line is a date (with optional "Updated"/"Published:" words and a time),
 * returns 1 and sets *days; else 0. */
int an_date_line(const char *line, size_t len, int *days);

/* If text starts with a dateline, returns the number of bytes it covers (the place name,
 * an optional date and agency credit, and the separator), sets *place_len to the length of
 * the place name at the start of text; else returns 0. */
size_t an_dateline_prefix(const char *text, size_t len, size_t *place_len);

/* If text starts with a news agency's feed credit ("Reuters - ", "Canadian Press - ",
 * "(CP) - "), returns the bytes it covers; else 0. */
size_t an_credit_prefix(const char *text, size_t len);

#endif
