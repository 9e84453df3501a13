# tests/reliability/fault.sh: fault injection with strace, sourced after
# lib.sh by the tests in tests/reliability. A command runs once under
# strace to list its system calls; then it runs again and again with a
# SIGKILL or an error injected into the Nth of them, N stepped across
# the whole run, and a check decides after each run whether the data
# survived.
#
#   sweep DESC SETUP CHECK SPEC NAMES -- CMD...
#       SETUP: a function that lays out fresh files before each run.
#       CHECK: a function called with CMD's exit status after each run
#              (and $FAULT_CALL set to the call injected into); it
#              prints what is wrong and fails, or succeeds quietly.
#       SPEC:  what to inject: signal=KILL, error=ENOSPC, error=EIO.
#       NAMES: an extended regex of the system calls to try, or all.
#   One TAP line per sweep. Only calls from the first one that names
#   $T (after execve) on are tried: before that the program is still
#   loading.
#
# RELIABILITY_STRIDE=N tries every Nth call (1: all of them, the long
# run of `make check-long`); by default the stride is chosen so that a
# sweep makes about $RELIABILITY_RUNS runs (25), from a random offset
# that the TAP line names, so that successive runs cover other calls.
command -v strace >/dev/null ||
	skip_all "strace not found (apt-get install strace)"
strace -f -qq -o /dev/null true 2>/dev/null ||
	skip_all "strace cannot trace here (ptrace not permitted)"

# LeakSanitizer cannot run under ptrace; the other checks still do.
export ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}detect_leaks=0"

# System calls that write, and all that touch files, for NAMES.
WRITE_CALLS='write|pwrite64|fsync|fdatasync|ftruncate|fallocate'
FILE_CALLS='openat|read|pread64|write|pwrite64|fsync|fdatasync|ftruncate|fcntl|rename|unlink|newfstatat|lseek|close'

# Lines "name ordinal" for every system call of CMD, in order, from the
# first that names $T; the ordinal counts that call's invocations, as
# strace's when= does.
fault_record() {	# FILE -- CMD...
	local file=$1
	shift 2
	strace -f -qq -s 256 -o "$file.raw" -- "$@" >/dev/null 2>&1 </dev/null
	awk -v dir="$T" '
		{ call = $2 }
		call !~ /^[a-z_0-9]+\(/ { next }
		{ sub(/\(.*/, "", call); n[call]++ }
		!on && call != "execve" && index($0, dir) { on = 1 }
		on { print call, n[call] }' "$file.raw" >"$file"
}

# Run CMD with SPEC injected into the Kth call of NAME.
fault_inject() {	# SPEC NAME K -- CMD...
	local spec=$1 name=$2 k=$3
	shift 4
	# The outer redirection keeps the shell's "Killed" notice out.
	{ strace -f -qq -o /dev/null -e inject="$name:$spec:when=$k" -- \
	    "$@" >"$OUT" 2>"$ERR" </dev/null; } 2>/dev/null
}

sweep() {
	local desc=$1 setup=$2 check=$3 spec=$4 names=$5 total stride offset
	local name k st why tried=0 failed=0 report=""
	shift 6
	"$setup"
	fault_record "$T/trace" -- "$@"
	[ "$names" = all ] && names='[a-z_0-9]+'
	grep -E "^($names) " "$T/trace" >"$T/points"
	total=$(wc -l <"$T/points")
	if [ "$total" = 0 ]; then
		not_ok "$desc" "no system call to inject into: $*"
		return
	fi
	stride=${RELIABILITY_STRIDE:-$(((total + ${RELIABILITY_RUNS:-25} - 1) /
	    ${RELIABILITY_RUNS:-25}))}
	offset=${RELIABILITY_OFFSET:-$((RANDOM % stride))}
	while read -r name k; do
		tried=$((tried + 1))
		"$setup"
		FAULT_CALL=$name
		fault_inject "$spec" "$name" "$k" -- "$@"
		st=$?
		# A sanitizer build: the fault hit the runtime's own start-up
		# (reading /proc/self/environ for ASAN_OPTIONS), not meerstem.
		if grep -q 'LeakSanitizer does not work under ptrace' "$ERR"; then
			tried=$((tried - 1))
			continue
		fi
		if ! why=$("$check" "$st" 2>&1); then
			failed=$((failed + 1))
			[ "$failed" -le 5 ] && report="$report
#   $spec at $name #$k (exit $st): $(echo "$why" | head -n 4 | tr '\n' ' ')"
		fi
	done <<EOF
$(awk -v s="$stride" -v o="$offset" '(NR - 1) % s == o' "$T/points")
EOF
	if [ "$failed" = 0 ]; then
		ok "$desc ($tried of $total calls, stride $stride, offset $offset)"
	else
		not_ok "$desc ($failed of $tried runs failed; stride $stride, offset $offset)" \
		    "reproduce with RELIABILITY_STRIDE=$stride RELIABILITY_OFFSET=$offset$report"
	fi
}

# Checks shared by the CHECK functions. Each prints what is wrong.

NL='
'

# SQLite's integrity and foreign-key checks of FILE, then SQL's result
# (columns separated by spaces): "ok${NL}RESULT" when all is well.
db_query() {	# FILE SQL
	sqlite3 -separator ' ' "$1" "pragma integrity_check; pragma foreign_key_check; $2" 2>&1
}

# A killed run died of the kill, or finished if the call never came.
killed_or_done() {	# STATUS
	case $1 in
	0|137) return 0 ;;
	*) echo "exit status $1, expected 137 (killed) or 0"; return 1 ;;
	esac
}

# A failed run exits with a status of the contract and says why, in a
# message of its own, not a sanitizer's report or a crash.
failed_cleanly() {	# STATUS
	case $1 in
	0) return 0 ;;
	2|3|4) ;;
	*) echo "exit status $1"; cat "$ERR"; return 1 ;;
	esac
	if ! grep -q '^meerstem: ' "$ERR"; then
		echo "no message on standard error"; return 1
	fi
	if grep -qE 'Sanitizer|runtime error|not a meerstem database' "$ERR"; then
		cat "$ERR"; return 1
	fi
}
