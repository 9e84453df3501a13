# The database file: creation, identity checks, refusals that leave the
# file byte-identical, backup and check.
. "$TESTS_SRCDIR/lib.sh"
db="$T/m.db"

t_run 3 "a missing database is refused" -- ms -d "$db" trajectory list
t_has "$ERR" "no such database; create it with meerstem init" "the message says how to create it"
t_ok "a refused missing database is not created" -- test ! -e "$db"

t_run 0 "init creates the database" -- ms -d "$db" init
t_has "$OUT" "schema version 3" "init reports the schema version"
t_eq "$(stat -c %a "$db")" 600 "a new database is readable by its owner only"
t_eq "$(sqlite3 "$db" 'pragma integrity_check')" ok "integrity_check is clean"
t_eq "$(sqlite3 "$db" 'pragma foreign_key_check')" "" "foreign_key_check is clean"
t_eq "$(sqlite3 "$db" 'pragma application_id')" 1297306701 "the application id is set"
t_eq "$(sqlite3 "$db" 'pragma user_version')" 3 "the schema version is in user_version"
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
refuse "a database truncated inside its header" "$T/trunc.db" "the database file is corrupt"

# A database with real data: 400 trajectories and their change log,
# written by sqlite3 so that it spans many pages.
cp "$db" "$T/full.db"
sqlite3 "$T/full.db" "with recursive n(i) as (select 1 union all select i + 1
	from n where i < 400) insert into trajectory (code, title, phase_id)
	select 'T' || i, hex(randomblob(300)), 1 from n;
	insert into change_log (who, action, subject, detail)
	select 'test', 'trajectory.add', code, title from trajectory"
size=$(stat -c %s "$T/full.db")
head -c $((size / 2)) "$T/full.db" >"$T/half.db"
refuse "a database truncated mid-file" "$T/half.db" "the database file is corrupt"
t_run 3 "check refuses a database truncated mid-file" -- ms -d "$T/half.db" check

# One damaged page in the table a command reads: the b-tree header of
# the trajectory table's root page. Commands that read the table refuse
# the file; `check` finds the damage wherever it is.
root=$(sqlite3 "$T/full.db" "select rootpage from sqlite_schema where name = 'trajectory'")
python3 - "$T/full.db" "$T/page.db" "$root" <<'PY'
import sys
data = bytearray(open(sys.argv[1], 'rb').read())
at = (int(sys.argv[3]) - 1) * 4096
data[at:at + 12] = b'\xa5' * 12
open(sys.argv[2], 'wb').write(data)
PY
before=$(sha256sum <"$T/page.db")
t_run 3 "a damaged page is refused by trajectory list" -- ms -d "$T/page.db" trajectory list
t_has "$ERR" "the database file is corrupt" "the damaged page: the message says the file is corrupt"
t_has "$ERR" "restore it from a backup" "the damaged page: the message says what to do"
t_run 3 "a damaged page is refused by trajectory show" -- ms -d "$T/page.db" trajectory show T1
t_run 3 "a damaged page is refused by trajectory add" -- ms -d "$T/page.db" trajectory add NEW --title new
t_run 3 "check reports the damaged page" -- ms -d "$T/page.db" check
t_eq "$(sha256sum <"$T/page.db")" "$before" "a database with a damaged page is left byte-identical"

# An empty file: only init fills it.
: >"$T/empty.db"
t_run 3 "an empty file is refused" -- ms -d "$T/empty.db" trajectory list
t_has "$ERR" "the database is empty; create it with meerstem init" "the empty file: the message says how to fill it"
t_run 3 "an empty file is refused by check" -- ms -d "$T/empty.db" check
t_eq "$(stat -c %s "$T/empty.db")" 0 "a refused empty file stays empty"
t_run 0 "init fills an empty file" -- ms -d "$T/empty.db" init
t_eq "$(sqlite3 "$T/empty.db" 'select count(*) from form')" 11 "the filled file holds the catalogue"

mkdir "$T/dir.db"
t_run 3 "a directory named like the database is refused" -- ms -d "$T/dir.db" trajectory list
t_has "$ERR" "is a directory, not a database" "the directory: the message says why"
t_run 3 "init refuses a directory too" -- ms -d "$T/dir.db" init
t_eq "$(ls -A "$T/dir.db")" "" "nothing is created inside the directory"

# SQLite keeps the -wal file beside the name it opens, so a link would
# give the link and its target separate logs: links are refused.
cp "$db" "$T/target.db"
ln -s target.db "$T/link.db"
before=$(sha256sum <"$T/target.db")
t_run 3 "a symbolic link to a database is refused" -- ms -d "$T/link.db" trajectory list
t_has "$ERR" "is a symbolic link; give the path of the database file itself" "the link: the message says why"
t_run 3 "init refuses a symbolic link too" -- ms -d "$T/link.db" init
t_eq "$(sha256sum <"$T/target.db")" "$before" "the link's target is left byte-identical"
t_ok "no -wal file is made beside the link" -- test ! -e "$T/link.db-wal"
ln -s nowhere.db "$T/dangling.db"
t_run 3 "init refuses a dangling symbolic link" -- ms -d "$T/dangling.db" init
t_ok "init does not create the link's target" -- test ! -e "$T/nowhere.db"

# A crash (here: a process that exits without closing) leaves a -wal
# file beside the database. Committed transactions in it count; an
# uncommitted one that spilled into it does not.
cp "$db" "$T/crash.db"
python3 - "$T/crash.db" <<'PY'
import os, sqlite3, sys
c = sqlite3.connect(sys.argv[1], isolation_level=None)
c.execute("pragma wal_autocheckpoint = 0")
c.execute("insert into trajectory (code, title, phase_id) values ('WAL-1', 'committed', 1)")
c.execute("pragma cache_size = 1")
c.execute("begin")
for i in range(200):
    c.execute("insert into trajectory (code, title, phase_id) values (?, ?, 1)",
              ("LOST-%d" % i, "x" * 2000))
os._exit(0)
PY
t_ok "the crash left a -wal file" -- test -s "$T/crash.db-wal"
t_run 0 "a database with a -wal file left by a crash opens" -- ms -d "$T/crash.db" trajectory list --format csv
t_has "$OUT" "WAL-1,committed" "the committed transaction in the -wal file is kept"
t_lacks "$OUT" "LOST-" "the uncommitted transaction is rolled back"
t_run 0 "the recovered database passes check" -- ms -d "$T/crash.db" check

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
t_has "$OUT" "ok (integrity, foreign keys, application id, schema version 3)" "check says what it checked"
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
t_eq "$(sqlite3 "$T/v1.db" 'pragma user_version')" 3 "the database is upgraded to version 3"
t_eq "$(sqlite3 "$T/v1.db" "select count(*) from sqlite_schema where name = 'session_log'")" 1 \
	"the upgrade adds the interface's indexes"
t_eq "$(sqlite3 "$T/v1.db.bak-v1" 'pragma user_version')" 1 "the version 1 file was backed up first"

# A version 2 database, as meerstem wrote it before version 3 (dumped
# then), gets the cheaper spelling of its CHECK constraints and the
# guarded trigger; the constraints and first_heard behave as before.
v2="$T/v2.db"
sqlite3 "$v2" <"$TESTS_SRCDIR/data/schema-v2.sql"
t_eq "$(sqlite3 "$v2" "select count(*) from sqlite_schema where sql like '% IN (''%'")" 9 \
	"the version 2 fixture has its IN lists"
t_run 0 "a version 2 database opens" -- ms -d "$v2" trajectory list
t_has "$OUT" "OLD" "the upgrade keeps the data"
t_eq "$(sqlite3 "$v2" 'pragma user_version')" 3 "the database is upgraded to version 3"
t_eq "$(sqlite3 "$v2.bak-v2" 'pragma user_version')" 2 "the version 2 file was backed up first"
t_eq "$(sqlite3 "$v2" 'pragma integrity_check')" ok "the upgraded file is intact"
t_eq "$(sqlite3 "$v2" "select group_concat(name, ' ') from (select name from sqlite_schema
	where type = 'table' and sql like '% IN (''%' order by name)")" "form form_reach trajectory" \
	"only the catalogue's tables keep IN lists"
sqlite3 "$db" "select name, sql from sqlite_schema where type in ('table', 'trigger') order by name" >"$T/new.schema"
sqlite3 "$v2" "select name, sql from sqlite_schema where type in ('table', 'trigger') order by name" >"$T/upgraded.schema"
t_same "$T/upgraded.schema" "$T/new.schema" "an upgraded schema reads as a new one"
cat >"$T/v2-sessions.csv" <<'CSV'
ref,form,phase,status
H1,expert_session,options,held
H2,expert_session,diagnosis,held
CSV
printf 'name\nAlfa\nBeta\n' >"$T/v2-stakeholders.csv"
printf 'session,stakeholder,role\nH1,Alfa,speaker\nH2,Alfa,participant\n' >"$T/v2-attendance.csv"
for k in sessions stakeholders attendance; do
	t_run 0 "import $k into the upgraded database" -- ms -d "$v2" import $k OLD "$T/v2-$k.csv"
done
for bad in "insert into stakeholder (name, name_key, kind) values ('X', 'x', 'robot')" \
    "insert into stakeholder (name, name_key, voice) values ('X', 'x', 'loud')" \
    "update involvement set represented_by = 'nobody'" \
    "update session set status = 'done'" "update attendance set role = 'host'" \
    "insert into member (trajectory_id, name, name_key, delegation) values (1, 'M', 'm', 'crowd')" \
    "insert into input (trajectory_id, session_id, summary, disposition) select 1, id, 'I', 'maybe' from session"; do
	sqlite3 "$v2" "$bad" 2>"$T/refused" >/dev/null
	t_has "$T/refused" "CHECK constraint failed" "the database still refuses: $bad"
done
t_eq "$(sqlite3 "$v2" "select count(*) from stakeholder where name = 'X'; select count(*) from member;
	select count(*) from input; select count(*) from session where status = 'held'")" "$(printf '0\n0\n0\n2')" \
	"and changes nothing"
heard="select ifnull(p.code, '-') from involvement i join stakeholder s on s.id = i.stakeholder_id
	left join phase p on p.id = i.first_heard where s.name = 'Alfa'"
t_eq "$(sqlite3 "$v2" "$heard")" diagnosis "first heard is the earliest phase spoken in"
t_eq "$(sqlite3 "$v2" "delete from involvement where stakeholder_id = (select id from stakeholder where name = 'Alfa');
	insert into involvement (trajectory_id, stakeholder_id) select 1, id from stakeholder where name = 'Alfa';
	$heard")" diagnosis "a new involvement of a stakeholder who spoke gets its first heard"
t_eq "$(sqlite3 "$v2" "delete from involvement where stakeholder_id = (select id from stakeholder where name = 'Beta');
	insert into involvement (trajectory_id, stakeholder_id, first_heard) select 1, id, 1 from stakeholder where name = 'Beta';
	select ifnull(first_heard, '-') from involvement where stakeholder_id = (select id from stakeholder where name = 'Beta')")" - \
	"a first heard written by hand for a stakeholder who never spoke is cleared"
finish
