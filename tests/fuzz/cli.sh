# Fuzz the command-line parser (tests/fuzz/libfuzzer.sh).
. "$TESTS_SRCDIR/fuzz/libfuzzer.sh" cli
