/* driver.c — the libFuzzer entry point of one fuzz target: compiled once per target with
 * AN_FUZZ_ENTRY naming its body in targets.c (see fuzz/CMakeLists.txt). */
#include <stddef.h>
#include <stdint.h>

#include "targets.h"

#ifndef AN_FUZZ_ENTRY
#error "compile with -DAN_FUZZ_ENTRY=an_fuzz_<target>"
#endif

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    return AN_FUZZ_ENTRY(data, size);
}
