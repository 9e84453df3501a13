# Fuzz the CSV import of every kind (tests/fuzz/libfuzzer.sh).
. "$TESTS_SRCDIR/fuzz/libfuzzer.sh" import
