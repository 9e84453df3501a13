# Kills and write errors at every step of a large `meerstem import`
# (2,000 stakeholders, many pages) into a database that already holds
# the demo trajectory: the database is always intact, the import is
# there whole or not at all, a reported failure changed nothing, the
# data that was there before is kept, and importing again works. Then
# the same for a re-import that updates every row by its key: every
# row updated, or none.
. "$TESTS_SRCDIR/lib.sh"
. "$TESTS_SRCDIR/reliability/fault.sh"
db="$T/s/m.db"
N=2000
demo="$MEERSTEM_DATADIR/demo"

# N stakeholders, each with an involvement; REASON in every row.
big() {	# FILE REASON
	awk -v n="$N" -v reason="$2" 'BEGIN {
		print "name,kind,category,voice,impact,influence,represented_by,reason,contact"
		for (i = 1; i <= n; i++)
			printf "Deelnemer %d,person,burger,critical,%d,%d,none,\"%s, rij %d\",deelnemer%d@example.nl\n",
			    i, i % 4, (i + 1) % 4, reason, i, i
	}' >"$1"
}
big "$T/big.csv" "Eerste import"
big "$T/again.csv" "Bijgewerkt"

mkdir "$T/base" "$T/base2"
"$MEERSTEM" -d "$T/base/m.db" init >/dev/null &&
"$MEERSTEM" -d "$T/base/m.db" trajectory add AMS-2023 --title Arbeidsmarkt >/dev/null ||
	{ echo "cannot make the base database"; exit 1; }
for k in stakeholders sessions attendance participants benchmarks members inputs; do
	"$MEERSTEM" -d "$T/base/m.db" import $k AMS-2023 "$demo/$k.csv" >/dev/null ||
		{ echo "cannot import the demo's $k"; exit 1; }
done
cp "$T/base/m.db" "$T/base2/m.db"
"$MEERSTEM" -d "$T/base2/m.db" import stakeholders AMS-2023 "$T/big.csv" >/dev/null ||
	{ echo "cannot make the database to re-import into"; exit 1; }

# What was there before the import: every table but the new rows.
old_data() {	# FILE
	sqlite3 "$1" "select
	    (select count(*) || '/' || sum(length(name) + length(contact))
	       from stakeholder where name not like 'Deelnemer %'),
	    (select count(*) from session), (select count(*) from attendance),
	    (select count(*) from participant), (select count(*) from benchmark),
	    (select count(*) from member), (select count(*) from input)"
}
OLD=$(old_data "$T/base/m.db")

# The new rows: stakeholders, their involvements, rows with each
# reason, and the import's change-log entries.
state() {	# FILE
	db_query "$1" "select
	    (select count(*) from stakeholder where name like 'Deelnemer %'),
	    (select count(*) from involvement i join stakeholder s
	       on s.id = i.stakeholder_id where s.name like 'Deelnemer %'),
	    (select count(*) from involvement where reason like 'Eerste import, %'),
	    (select count(*) from involvement where reason like 'Bijgewerkt, %'),
	    (select count(*) from change_log where action = 'import.stakeholders'
	       and subject in ('big.csv', 'again.csv'))"
}
NONE="ok${NL}0 0 0 0 0"
IMPORTED="ok${NL}$N $N $N 0 1"
UPDATED="ok${NL}$N $N 0 $N 2"

# The old data kept; WANT_DONE or WANT_UNDONE; after a failure that was
# reported, WANT_UNDONE; and FILE imported again gives WANT_DONE.
judge() {	# STATUS WANT_UNDONE WANT_DONE FILE
	local got
	got=$(state "$db")
	case $1:$got in
	0:"$3"|137:"$3") ;;
	137:"$2"|[234]:"$2") ;;
	*) echo "exit status $1, database: $got"; return 1 ;;
	esac
	got=$(old_data "$db")
	[ "$got" = "$OLD" ] || { echo "old data: $got, was $OLD"; return 1; }
	"$MEERSTEM" -d "$db" import stakeholders AMS-2023 "$4" >/dev/null 2>&1 ||
		{ echo "importing again fails"; return 1; }
	got=$(state "$db")
	# Not the change log: a second import is logged once more.
	[ "${got% *}" = "${3% *}" ] ||
		{ echo "imported again: $got"; return 1; }
}

setup() { rm -rf "$T/s"; mkdir "$T/s"; cp "$T/base/m.db" "$db"; }
setup2() { rm -rf "$T/s"; mkdir "$T/s"; cp "$T/base2/m.db" "$db"; }
after_kill() { killed_or_done "$1" && judge "$1" "$NONE" "$IMPORTED" "$T/big.csv"; }
after_error() { failed_cleanly "$1" && judge "$1" "$NONE" "$IMPORTED" "$T/big.csv"; }
again_kill() { killed_or_done "$1" && judge "$1" "$IMPORTED" "$UPDATED" "$T/again.csv"; }
again_error() { failed_cleanly "$1" && judge "$1" "$IMPORTED" "$UPDATED" "$T/again.csv"; }

import=("$MEERSTEM" -d "$db" import stakeholders AMS-2023)
sweep "import of $N stakeholders killed at each system call" setup after_kill \
    signal=KILL all -- "${import[@]}" "$T/big.csv"
sweep "import of $N stakeholders with a full disk at each write" setup \
    after_error error=ENOSPC "$WRITE_CALLS" -- "${import[@]}" "$T/big.csv"
sweep "import of $N stakeholders with an I/O error at each file operation" \
    setup after_error error=EIO "$FILE_CALLS" -- "${import[@]}" "$T/big.csv"
sweep "re-import updating $N stakeholders killed at each system call" setup2 \
    again_kill signal=KILL all -- "${import[@]}" "$T/again.csv"
sweep "re-import updating $N stakeholders with a full disk at each write" \
    setup2 again_error error=ENOSPC "$WRITE_CALLS" -- "${import[@]}" "$T/again.csv"
sweep "re-import updating $N stakeholders with an I/O error at each file operation" \
    setup2 again_error error=EIO "$FILE_CALLS" -- "${import[@]}" "$T/again.csv"
finish
