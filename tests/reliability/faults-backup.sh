# Kills and write errors at every step of `meerstem backup` over an
# older backup: the target is always a complete backup, the old one or
# the new one, never half a file; a reported failure leaves the old one
# and no temporary file; the database itself is untouched.
. "$TESTS_SRCDIR/lib.sh"
. "$TESTS_SRCDIR/reliability/fault.sh"
db="$T/s/m.db"
copy="$T/s/copy.db"

mkdir "$T/base"
"$MEERSTEM" -d "$T/base/old.db" init >/dev/null &&
cp "$T/base/old.db" "$T/base/m.db" &&
"$MEERSTEM" -d "$T/base/m.db" trajectory add NEW --title "Nieuw traject" >/dev/null ||
	{ echo "cannot make the base database"; exit 1; }
"$MEERSTEM" -d "$T/base/old.db" backup "$T/base/copy.db" >/dev/null ||
	{ echo "cannot make the old backup"; exit 1; }

setup() {
	rm -rf "$T/s"; mkdir "$T/s"
	cp "$T/base/m.db" "$db"
	cp "$T/base/copy.db" "$copy"
}

# After the run: the database untouched; the backup the old one or the
# new one, each whole and self-contained, and after a reported failure
# the old one with no temporary file beside it.
after() {	# STATUS
	local got temps
	got=$(db_query "$db" "select count(*) from trajectory where code = 'NEW'")
	[ "$got" = "ok${NL}1" ] || { echo "database: $got"; return 1; }
	[ -f "$copy" ] || { echo "the backup is gone"; return 1; }
	got=$(db_query "$copy" "pragma journal_mode; select (select count(*) from form),
	    (select count(*) from trajectory where code = 'NEW')")
	case $1:$got in
	0:"ok${NL}delete${NL}11 1"|137:"ok${NL}delete${NL}11 1") ;;
	137:"ok${NL}delete${NL}11 0"|[234]:"ok${NL}delete${NL}11 0") ;;
	*) echo "exit status $1, backup: $got"; return 1 ;;
	esac
	# Only a kill or a failing unlink may leave the temporary file.
	temps=$(ls -A "$T/s" | grep -c 'tmp-')
	if [ "$1" != 137 ] && [ "$FAULT_CALL" != unlink ] && [ "$temps" != 0 ]; then
		echo "a temporary file is left behind"; return 1
	fi
	"$MEERSTEM" -d "$db" backup "$copy" >/dev/null 2>&1 ||
		{ echo "backup again fails"; return 1; }
}
after_kill() { killed_or_done "$1" && after "$1"; }
after_error() { failed_cleanly "$1" && after "$1"; }

sweep "backup killed at each system call" setup after_kill signal=KILL all \
    -- "$MEERSTEM" -d "$db" backup "$copy"
sweep "backup with a full disk at each write" setup after_error error=ENOSPC \
    "$WRITE_CALLS" -- "$MEERSTEM" -d "$db" backup "$copy"
sweep "backup with an I/O error at each file operation" setup after_error error=EIO \
    "$FILE_CALLS" -- "$MEERSTEM" -d "$db" backup "$copy"
finish
