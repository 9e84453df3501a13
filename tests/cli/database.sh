# The database file: creation, identity checks, refusals that leave the
# file byte-identical, backup and check.
. "$TESTS_SRCDIR/lib.sh"
db="$T/m.db"

t_run 3 "a missing database is refused" -- ms -d "$db" trajectory list
t_has "$ERR" "no such database; create it with meerstem init" "the message says how to create it"
t_ok "a refused missing database is not created" -- test ! -e "$db"

t_run 0 "init creates the database" -- ms -d "$db" init
t_has "$OUT" "schema version 2" "init reports the schema version"
t_eq "$(stat -c %a "$db")" 600 "a new database is readable by its owner only"
t_eq "$(sqlite3 "$db" 'pragma integrity_check')" ok "integrity_check is clean"
t_eq "$(sqlite3 "$db" 'pragma foreign_key_check')" "" "foreign_key_check is clean"
t_eq "$(sqlite3 "$db" 'pragma application_id')" 1297306701 "the application id is set"
t_eq "$(sqlite3 "$db" 'pragma user_version')" 2 "the schema version is in user_version"
t_eq "$(sqlite3 "$db" 'pragma journal_mode')" wal "the database uses WAL"
t_eq "$(sqlite3 "$db" 'select count(*) from form')" 11 "init loads the eleven forms"
t_eq "$(sqlite3 "$db" 'select group_concat(code, " ") from (select code from phase order by position)')" \
	"orientation diagnosis options adoption followup" "init loads the phases in order"
t_run 0 "init again is harmless" -- ms -d "$db" init
t_eq "$(sqlite3 "$db" 'select count(*) from form')" 11 "init again does not duplicate forms"

t_run 0 "init creates missing directories" -- ms -d "$T/new/dir/m.db" init
t_eq "$(stat -c %a "$T/new/dir")" 700 "created directories are private"
t_run 0 "the default database is under XDG_DATA_HOME" -- ms init
t_ok "the default database exists" -- test -f "$XDG_DATA_HOME/meerstem/meerstem.db"
t_run 0 "MEERSTEM_DB names the database" -- env MEERSTEM_DB="$T/env.db" "$MEERSTEM" init
t_ok "MEERSTEM_DB was used" -- test -f "$T/env.db"

# Files meerstem must refuse with status 3 and leave exactly as they were.
refuse() {	# description, file, expected message
	local before after
	before=$(sha256sum <"$2")
	t_run 3 "$1 is refused" -- ms -d "$2" trajectory list
	t_has "$ERR" "$3" "$1: the message says why"
	t_run 3 "$1 is refused by init too" -- ms -d "$2" init
	after=$(sha256sum <"$2")
	t_eq "$after" "$before" "$1 is left byte-identical"
}

cp "$db" "$T/newer.db"
sqlite3 "$T/newer.db" 'pragma user_version = 99'
refuse "a database with a newer schema" "$T/newer.db" "written by a newer meerstem (schema version 99"

sqlite3 "$T/other.db" 'pragma application_id = 42; create table t(x); insert into t values (1)'
refuse "a database of another application" "$T/other.db" "not a meerstem database (application id 0x2a)"

sqlite3 "$T/plain.db" 'create table notes(x); insert into notes values (1)'
refuse "an SQLite file without an application id" "$T/plain.db" "not a meerstem database"

printf 'name,voice\nFNV,established\n' >"$T/text.db"
refuse "a text file named like a database" "$T/text.db" "not a meerstem database"

head -c 100 "$db" >"$T/trunc.db"
refuse "a database truncated inside its header" "$T/trunc.db" "not a meerstem database"

t_run 0 "backup writes a copy" -- ms -d "$db" backup "$T/copy.db"
t_eq "$(stat -c %a "$T/copy.db")" 600 "the backup is readable by its owner only"
t_eq "$(sqlite3 "$T/copy.db" 'select count(*) from form')" 11 "the backup holds the data"
t_eq "$(sqlite3 "$T/copy.db" 'pragma journal_mode')" delete "the backup is a single self-contained file"
t_run 0 "backup to standard output" -- ms -d "$db" backup -
t_eq "$(head -c 15 "$OUT")" "SQLite format 3" "standard output receives the database"
t_run 2 "backup needs a file" -- ms -d "$db" backup
t_run 4 "backup into a missing directory fails" -- ms -d "$db" backup "$T/nowhere/x.db"
t_has "$ERR" "$T/nowhere/x.db: cannot write" "the failing backup names its file"
t_ok "a failed backup leaves no temporary file" -- test -z "$(ls "$T" | grep tmp-)"

t_run 0 "check passes on a good database" -- ms -d "$db" check
t_has "$OUT" "ok (integrity, foreign keys, application id, schema version 2)" "check says what it checked"
cp "$db" "$T/bad-fk.db"
sqlite3 "$T/bad-fk.db" "insert into trajectory (code, title, phase_id) values ('X', 'x', 999)"
t_run 3 "check finds a broken foreign key" -- ms -d "$T/bad-fk.db" check
t_has "$OUT" "foreign keys: row 1 of trajectory refers to a missing row of phase" "check names the broken reference"
cp "$db" "$T/corrupt.db"
size=$(stat -c %s "$T/corrupt.db")
# Overwrite the header of every b-tree page after the first: the schema
# stays readable, the tables do not.
python3 - "$T/corrupt.db" <<'PY'
import sys
path = sys.argv[1]
data = bytearray(open(path, 'rb').read())
for page in range(1, len(data) // 4096):
    data[page * 4096: page * 4096 + 12] = b'\xa5' * 12
open(path, 'wb').write(data)
PY
before=$(sha256sum <"$T/corrupt.db")
t_run 3 "check reports a corrupted database" -- ms -d "$T/corrupt.db" check
t_run 3 "a corrupted database is refused" -- ms -d "$T/corrupt.db" trajectory list
t_has "$ERR" "corrupt" "the message says the file is corrupt"
t_eq "$(sha256sum <"$T/corrupt.db")" "$before" "a corrupted database is left byte-identical"

# A version 1 database (before the interface's indexes) is upgraded
# after a backup, keeping its data.
ms -d "$T/v1.db" init >/dev/null
ms -d "$T/v1.db" trajectory add OLD --title "Oud" >/dev/null
sqlite3 "$T/v1.db" 'drop index involvement_influence; drop index involvement_delegation;
	drop index session_log; drop index input_answered; pragma user_version = 1'
t_run 0 "a version 1 database opens" -- ms -d "$T/v1.db" trajectory list
t_has "$OUT" "OLD" "the upgrade keeps the data"
t_eq "$(sqlite3 "$T/v1.db" 'pragma user_version')" 2 "the database is upgraded to version 2"
t_eq "$(sqlite3 "$T/v1.db" "select count(*) from sqlite_schema where name = 'session_log'")" 1 \
	"the upgrade adds the interface's indexes"
t_eq "$(sqlite3 "$T/v1.db.bak-v1" 'pragma user_version')" 1 "the version 1 file was backed up first"
finish
