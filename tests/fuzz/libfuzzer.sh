# tests/fuzz/libfuzzer.sh NAME: fuzz tests/fuzz/fuzz-NAME with libFuzzer
# for $FUZZ_SECONDS (20) from its seed corpus (corpus/NAME) and its
# dictionary (dict/NAME.dict), under AddressSanitizer and
# UndefinedBehaviorSanitizer. A crash, leak, hang (10 s) or broken
# promise fails the test; the input is kept in tests/logs as
# fuzz-NAME-crash-..., to be added to regressions/NAME and fixed.
# FUZZ_KEEP=1 (make fuzz) keeps the grown corpus in tests/fuzz/work/NAME.
name=$1
. "$TESTS_SRCDIR/lib.sh"
bin="$TESTS_BUILDDIR/fuzz/fuzz-$name"
[ -x "$bin" ] || skip_all "no libFuzzer harness: configure found no clang with libFuzzer (apt-get install clang)"
seconds=${FUZZ_SECONDS:-20}
if [ "${FUZZ_KEEP:-0}" = 1 ]; then
	work="$TESTS_BUILDDIR/fuzz/work/$name"
else
	work="$T/corpus"
fi
mkdir -p "$work" "$TESTS_BUILDDIR/logs"
dict=
[ -f "$TESTS_SRCDIR/fuzz/dict/$name.dict" ] && dict="-dict=$TESTS_SRCDIR/fuzz/dict/$name.dict"
# Leaks are reported by LeakSanitizer at the end of each input.
"$bin" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 \
    -max_len=65536 -print_final_stats=1 $dict \
    -artifact_prefix="$TESTS_BUILDDIR/logs/fuzz-$name-" \
    "$work" "$TESTS_SRCDIR/fuzz/corpus/$name" >"$T/log" 2>&1
st=$?
runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$T/log")
if [ "$st" = 0 ]; then
	ok "fuzz-$name: ${runs:-?} inputs in $seconds s, no crash, leak, hang or broken promise"
else
	not_ok "fuzz-$name: exit $st after ${runs:-?} inputs" \
	    "$(grep -E 'ERROR|broken promise|SUMMARY|Test unit written|artifact' "$T/log" | head -n 8 | tr '\n' ' ')"
	sed -n '1,60s/^/#   /p' "$T/log" | grep -v '^#   #[0-9]'
fi
finish
