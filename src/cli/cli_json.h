/* cli_json.h — writing JSON string literals to a stream (the CLI's output side). */
#ifndef AN_CLI_JSON_H
#define AN_CLI_JSON_H

#include <stddef.h>
#include <stdio.h>

/* Writes s (len bytes, UTF-8) as a quoted, escaped JSON string. */
void json_print_string(FILE *out, const char *s, size_t len);

#endif
