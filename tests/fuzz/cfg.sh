# Fuzz the configuration parser (tests/fuzz/libfuzzer.sh).
. "$TESTS_SRCDIR/fuzz/libfuzzer.sh" cfg
