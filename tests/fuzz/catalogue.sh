# Fuzz the catalogue parser (tests/fuzz/libfuzzer.sh).
. "$TESTS_SRCDIR/fuzz/libfuzzer.sh" catalogue
