# Import traps too big for a seed file, made here and fed to the import
# harness (replay-import FILE, tests/fuzz/fuzz-import.c), which checks its
# promises on them: a 1 MB cell is accepted and leaves the database
# sound; a cell over the 16 MiB limit is refused, naming line and column,
# and changes nothing.
. "$TESTS_SRCDIR/lib.sh"
replay="$TESTS_BUILDDIR/fuzz/replay-import"
[ -x "$replay" ] || skip_all "no $replay: run through make check"
command -v python3 >/dev/null || skip_all "python3 not found"

# The kind byte, then the CSV (tests/fuzz/fuzz-import.c: 1 is sessions).
big() {	# FILE BYTES
	python3 -c 'import sys
n = int(sys.argv[1])
sys.stdout.buffer.write(b"\x01ref,form,phase,findings\nBIG,survey,options,\"" +
    b"x" * n + b"\"\n")' "$2" >"$1"
}
big "$T/1mb" 1048576
big "$T/17mb" $((17 * 1024 * 1024))

export FUZZ_IMPORT_SAY=1
t_run 0 "a 1 MB cell: the harness's promises hold" -- "$replay" "$T/1mb"
t_has "$ERR" "sessions: accepted" "a 1 MB cell is accepted"
t_run 0 "a 17 MiB cell: the harness's promises hold" -- "$replay" "$T/17mb"
t_has "$ERR" "in.csv:2:4: a cell longer than 16 MiB" \
    "a cell over 16 MiB is refused, naming line and column"
finish
