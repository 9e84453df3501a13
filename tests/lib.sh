# tests/lib.sh: TAP helpers for the shell tests of the command line and
# the interface. Source it first; end the test with `finish`.
#
#   t_run STATUS DESC -- CMD...   run CMD, stdout to $OUT, stderr to $ERR,
#                                 pass when it exits with STATUS
#   t_has FILE TEXT DESC          FILE contains TEXT (fixed string)
#   t_lacks FILE TEXT DESC        FILE does not contain TEXT
#   t_eq GOT WANT DESC            two strings are equal
#   t_same FILE1 FILE2 DESC       two files are byte-identical
#   t_ok DESC -- CMD...           CMD succeeds (a predicate)
#   t_golden FILE NAME DESC       FILE equals tests/data/golden/NAME;
#                                 MEERSTEM_REGENERATE=1 rewrites NAME
set -u
: "${MEERSTEM:?run the tests through make check}"

T=$(mktemp -d "${TMPDIR:-/tmp}/meerstem-test.XXXXXX")
trap 'chmod -R u+w "$T" 2>/dev/null; rm -rf "$T"' EXIT
export HOME="$T/home" XDG_DATA_HOME="$T/data" XDG_CONFIG_HOME="$T/config"
export LC_ALL=C.UTF-8 LANGUAGE=
unset MEERSTEM_DB MEERSTEM_TODAY NO_COLOR
mkdir -p "$HOME"
OUT="$T/stdout"
ERR="$T/stderr"
_n=0
_failed=0

# MEERSTEM_WRAPPER (make check-valgrind) runs every meerstem of the test
# under a checker; through a script, so that "$MEERSTEM" is wrapped too.
# MEERSTEM_BIN keeps the program itself (tests/tui/lib-tmux.sh wraps it
# its own way).
MEERSTEM_BIN=$MEERSTEM
if [ -n "${MEERSTEM_WRAPPER:-}" ]; then
	printf '#!/bin/sh\nexec %s "%s" "$@"\n' "$MEERSTEM_WRAPPER" "$MEERSTEM" \
	    >"$T/meerstem"
	chmod +x "$T/meerstem"
	MEERSTEM="$T/meerstem"
fi

ms() { "$MEERSTEM" "$@"; }

_diag() {
	[ -s "$1" ] && sed -n '1,15s/^/#   /p' "$1"
	return 0
}

ok() { _n=$((_n + 1)); echo "ok $_n - $1"; }
not_ok() {
	_n=$((_n + 1)); _failed=$((_failed + 1))
	echo "not ok $_n - $1"
	[ $# -gt 1 ] && echo "#   $2"
	return 0
}

t_run() {
	local want=$1 desc=$2 got
	shift 3
	"$@" >"$OUT" 2>"$ERR" </dev/null
	got=$?
	if [ "$got" = "$want" ]; then
		ok "$desc"
	else
		not_ok "$desc" "exit status $got, expected $want: $*"
		echo "#   stderr:"; _diag "$ERR"
		echo "#   stdout:"; _diag "$OUT"
	fi
}

t_has() {
	if grep -qF -- "$2" "$1"; then ok "$3"; else
		not_ok "$3" "'$2' not found in $(basename "$1"):"; _diag "$1"
	fi
}

t_lacks() {
	if grep -qF -- "$2" "$1"; then
		not_ok "$3" "'$2' found in $(basename "$1"):"; _diag "$1"
	else ok "$3"; fi
}

t_eq() {
	if [ "$1" = "$2" ]; then ok "$3"; else
		not_ok "$3" "got '$1', expected '$2'"
	fi
}

t_same() {
	if cmp -s "$1" "$2"; then ok "$3"; else
		not_ok "$3" "$1 and $2 differ"
	fi
}

t_ok() {
	local desc=$1
	shift 2
	if "$@"; then ok "$desc"; else not_ok "$desc" "failed: $*"; fi
}

t_golden() {
	local want="$TESTS_SRCDIR/data/golden/$2"
	if [ "${MEERSTEM_REGENERATE:-}" = 1 ]; then
		cp "$1" "$want" && ok "$3 (regenerated $2)"
	elif cmp -s "$1" "$want"; then
		ok "$3"
	else
		not_ok "$3" "differs from golden/$2 (MEERSTEM_REGENERATE=1 rewrites it):"
		diff -u "$want" "$1" | sed -n '1,25s/^/#   /p'
	fi
}

skip_all() { echo "$1"; exit 77; }

finish() {
	echo "1..$_n"
	[ "$_failed" = 0 ]
}
