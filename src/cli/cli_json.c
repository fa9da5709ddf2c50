/* cli_json.c — JSON string output for the CLI. Text from the library is valid UTF-8
 * (readers reject anything else), so only escaping is needed. */
#include "cli_json.h"

void json_print_string(FILE *out, const char *s, size_t len)
{
    static const char hex[] = "0123456789abcdef";
    putc('"', out);
    for (size_t i = 0; i < len; i++) {
        unsigned char c = (unsigned char)s[i];
        switch (c) {
        case '"': fputs("\\\"", out); break;
        case '\\': fputs("\\\\", out); break;
        case '\n': fputs("\\n", out); break;
        case '\r': fputs("\\r", out); break;
        case '\t': fputs("\\t", out); break;
        default:
            if (c < 0x20) {
                fputs("\\u00", out);
                putc(hex[c >> 4], out);
                putc(hex[c & 15], out);
            } else {
                putc(c, out);
            }
        }
    }
    putc('"', out);
}
