/* fuzz.h: what the fuzzing harnesses share. Each fuzz-NAME.c defines
 * LLVMFuzzerTestOneInput; clang's libFuzzer drives it (tests/fuzz/
 * fuzz-NAME), and replay.c feeds it the seed corpus and the regressions
 * in every make check, with any compiler. */
#ifndef MEERSTEM_FUZZ_H
#define MEERSTEM_FUZZ_H

#include <stddef.h>
#include <stdint.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* A private directory, made on first use, removed at exit, and the
 * working directory from then on. */
const char *fuzz_dir(void);
/* Write DATA to the file NAME in fuzz_dir(); returns its path. */
const char *fuzz_file(const char *name, const uint8_t *data, size_t size);

/* A promise of the code under test that goes beyond not crashing: when
 * it is broken, say which and abort, which libFuzzer reports as a crash
 * and saves the input for. */
#define fuzz_assert(cond, ...) \
	((cond) ? (void)0 : fuzz_fail(__FILE__, __LINE__, #cond, __VA_ARGS__))
void fuzz_fail(const char *file, int line, const char *cond,
    const char *fmt, ...) __attribute__((format(printf, 4, 5), noreturn));

#endif
