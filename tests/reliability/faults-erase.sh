# Kills and write errors at every step of `meerstem erase`: the database
# and its automatic backup are always intact; the database is either
# untouched or fully erased, never half; a reported failure erased
# nothing from the database; and erase run again (or, once done, any
# later open) leaves the name in no byte of any of the files.
. "$TESTS_SRCDIR/lib.sh"
. "$TESTS_SRCDIR/reliability/fault.sh"
db="$T/s/m.db"

mkdir "$T/base"
"$MEERSTEM" -d "$T/base/m.db" init >/dev/null &&
"$MEERSTEM" -d "$T/base/m.db" trajectory add AMS-2023 --title Arbeidsmarkt >/dev/null &&
sqlite3 "$T/base/m.db" "
insert into stakeholder (name, name_key, kind, contact) values
	('Jan de Vries', 'jan de vries', 'person', 'jan.devries@example.nl');
insert into session (trajectory_id, ref, form_id, phase_id, title, findings)
	select 1, 'S1', f.id, p.id, 'Gesprek met Jan de Vries',
	'Volgens Jan de Vries is de werkdruk hoog. ' || hex(zeroblob(2000))
	from form f, phase p where f.code = 'work_visit' and p.code = 'diagnosis';
insert into change_log (who, action, subject, detail) values
	('staf', 'stakeholder.add', 'Jan de Vries', 'jan.devries@example.nl');" &&
"$MEERSTEM" -d "$T/base/m.db" backup "$T/base/m.db.bak-v1" >/dev/null ||
	{ echo "cannot make the base database"; exit 1; }

setup() {
	rm -rf "$T/s"; mkdir "$T/s"
	cp "$T/base/m.db" "$T/base/m.db.bak-v1" "$T/s/"
}

# The counts of state(): the name in the register, the pseudonym, the
# mentions in sessions and in the change log, the erasure's log entry.
BEFORE="ok${NL}1 0 2 1 0"
AFTER="ok${NL}0 1 0 0 1"
state() {	# FILE
	db_query "$1" "select
	    (select count(*) from stakeholder where name_key = 'jan de vries'),
	    (select count(*) from stakeholder where name = '[erased 1]'),
	    (select count(*) from session where title like '%jan de vries%')
	    + (select count(*) from session where findings like '%jan de vries%'),
	    (select count(*) from change_log where subject like '%jan de vries%'
	       or detail like '%jan.devries%'),
	    (select count(*) from change_log where action = 'stakeholder.erase')"
}

after() {	# STATUS
	local got f
	got=$(state "$db")
	case $1:$got in
	0:"$AFTER"|137:"$AFTER") ;;
	137:"$BEFORE"|[234]:"$BEFORE")
		"$MEERSTEM" -d "$db" erase "Jan de Vries" >/dev/null 2>&1 ||
			{ echo "erase again fails"; return 1; }
		got=$(state "$db")
		[ "$got" = "$AFTER" ] || { echo "erase again leaves: $got"; return 1; } ;;
	*) echo "exit status $1, database: $got"; return 1 ;;
	esac
	got=$(db_query "$db.bak-v1" "select count(*) from stakeholder where name_key = 'jan de vries'")
	[ "$got" = "ok${NL}0" ] || { echo "backup: $got"; return 1; }
	# Any later open and close checkpoints what a kill left in the -wal.
	"$MEERSTEM" -d "$db" check >/dev/null 2>&1 || { echo "check fails"; return 1; }
	for f in "$db" "$db-wal" "$db.bak-v1"; do
		if [ -e "$f" ] && LC_ALL=C grep -qaiF 'jan de vries' "$f"; then
			echo "$f still holds the name"; return 1
		fi
	done
}
after_kill() { killed_or_done "$1" && after "$1"; }
after_error() { failed_cleanly "$1" && after "$1"; }

sweep "erase killed at each system call" setup after_kill signal=KILL all \
    -- "$MEERSTEM" -d "$db" erase "Jan de Vries"
sweep "erase with a full disk at each write" setup after_error error=ENOSPC \
    "$WRITE_CALLS" -- "$MEERSTEM" -d "$db" erase "Jan de Vries"
sweep "erase with an I/O error at each file operation" setup after_error error=EIO \
    "$FILE_CALLS" -- "$MEERSTEM" -d "$db" erase "Jan de Vries"
finish
