# Kills and write errors at every step of `meerstem init` on a new
# database: the file is always intact, and holds the whole catalogue or
# none of it; init run again completes it.
. "$TESTS_SRCDIR/lib.sh"
. "$TESTS_SRCDIR/reliability/fault.sh"
db="$T/s/m.db"

setup() { rm -rf "$T/s"; mkdir "$T/s"; }

# "phases forms" in the database, or "none" before the schema exists,
# after the integrity checks' "ok".
catalogue_state() {
	local got
	got=$(db_query "$db" "select count(*) from sqlite_schema where name = 'form'")
	case $got in
	"ok${NL}1") db_query "$db" 'select (select count(*) from phase), (select count(*) from form)' ;;
	"ok${NL}0") echo "ok${NL}none" ;;
	*) echo "$got" ;;
	esac
}

# After the run: intact, all or nothing, and init again finishes it.
after() {	# STATUS
	local got
	if [ -e "$db" ]; then
		got=$(catalogue_state)
		case $1:$got in
		*:"ok${NL}5 11") ;;
		[1-9]*:"ok${NL}0 0"|[1-9]*:"ok${NL}none") ;;
		*) echo "exit status $1, database: $got"; return 1 ;;
		esac
	elif [ "$1" = 0 ]; then
		echo "init succeeded without a database"; return 1
	fi
	"$MEERSTEM" -d "$db" init >/dev/null 2>&1 || { echo "init again fails"; return 1; }
	got=$(catalogue_state)
	[ "$got" = "ok${NL}5 11" ] || { echo "init again leaves $got"; return 1; }
}
after_kill() { killed_or_done "$1" && after "$1"; }
after_error() { failed_cleanly "$1" && after "$1"; }

sweep "init killed at each system call" setup after_kill signal=KILL all \
    -- "$MEERSTEM" -d "$db" init
sweep "init with a full disk at each write" setup after_error error=ENOSPC \
    "$WRITE_CALLS" -- "$MEERSTEM" -d "$db" init
sweep "init with an I/O error at each file operation" setup after_error error=EIO \
    "$FILE_CALLS" \
    -- "$MEERSTEM" -d "$db" init
finish
