# Kills and write errors at every step of `meerstem trajectory add`: the
# database is always intact, the new trajectory and its change-log entry
# are there together or not at all, a reported failure changed nothing,
# and what was there before is kept.
. "$TESTS_SRCDIR/lib.sh"
. "$TESTS_SRCDIR/reliability/fault.sh"
db="$T/s/m.db"

mkdir "$T/base"
"$MEERSTEM" -d "$T/base/m.db" init >/dev/null &&
"$MEERSTEM" -d "$T/base/m.db" trajectory add OLD --title "Bestaand traject" >/dev/null ||
	{ echo "cannot make the base database"; exit 1; }

setup() { rm -rf "$T/s"; mkdir "$T/s"; cp "$T/base/m.db" "$db"; }

# After the run: intact, the old trajectory and the catalogue there,
# the new one with its change-log entry or neither, and after a
# reported failure neither; adding it again then works.
after() {	# STATUS
	local got
	got=$(db_query "$db" "select
	    (select title from trajectory where code = 'OLD'),
	    (select count(*) from form),
	    (select count(*) from trajectory where code = 'NEW'),
	    (select count(*) from change_log where action = 'trajectory.add' and subject = 'NEW'),
	    (select ifnull(max(title || '|' || commission), '-') from trajectory where code = 'NEW')")
	case $1:$got in
	0:"ok${NL}Bestaand traject 11 1 1 Nieuw traject|Commissie") return 0 ;;
	137:"ok${NL}Bestaand traject 11 1 1 Nieuw traject|Commissie") return 0 ;;
	137:"ok${NL}Bestaand traject 11 0 0 -") ;;
	[234]:"ok${NL}Bestaand traject 11 0 0 -") ;;
	*) echo "exit status $1, database: $got"; return 1 ;;
	esac
	"$MEERSTEM" -d "$db" trajectory add NEW --title x >/dev/null 2>&1 ||
		{ echo "adding it again fails"; return 1; }
}
after_kill() { killed_or_done "$1" && after "$1"; }
after_error() { failed_cleanly "$1" && after "$1"; }

sweep "trajectory add killed at each system call" setup after_kill signal=KILL all \
    -- "$MEERSTEM" -d "$db" trajectory add NEW --title "Nieuw traject" --commission Commissie
sweep "trajectory add with a full disk at each write" setup after_error error=ENOSPC \
    "$WRITE_CALLS" \
    -- "$MEERSTEM" -d "$db" trajectory add NEW --title "Nieuw traject" --commission Commissie
sweep "trajectory add with an I/O error at each file operation" setup after_error error=EIO \
    "$FILE_CALLS" \
    -- "$MEERSTEM" -d "$db" trajectory add NEW --title "Nieuw traject" --commission Commissie
finish
