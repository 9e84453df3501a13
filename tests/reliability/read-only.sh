# A read-only database file, a read-only directory, and --read-only:
# reading works where SQLite can, every change is refused with status 3
# and a message that says why, and nothing is changed or created.
#
# Root ignores file modes, so as root the commands run without the
# capabilities that let it (setpriv drops them from the bounding set).
. "$TESTS_SRCDIR/lib.sh"

if [ "$(id -u)" = 0 ]; then
	command -v setpriv >/dev/null || skip_all "running as root without setpriv"
	as_user() { setpriv --bounding-set=-dac_override,-dac_read_search,-fowner -- "$@"; }
	as_user sh -c "touch '$T/probe' && chmod 444 '$T/probe' && ! (echo >>'$T/probe') 2>/dev/null" ||
		skip_all "setpriv cannot drop root's file capabilities here"
	rm -f "$T/probe"
else
	as_user() { "$@"; }
fi
ro() { as_user "$MEERSTEM" "$@"; }

ms -d "$T/base.db" init >/dev/null &&
ms -d "$T/base.db" trajectory add OLD --title "Bestaand traject" >/dev/null ||
	{ echo "cannot make the base database"; exit 1; }

# ---- a read-only file in a writable directory -----------------------
mkdir "$T/f"
cp "$T/base.db" "$T/f/m.db"
chmod 444 "$T/f/m.db"
before=$(sha256sum <"$T/f/m.db")
t_run 0 "a read-only file can be read" -- ro -d "$T/f/m.db" trajectory list --format csv
t_has "$OUT" "OLD,Bestaand traject" "the read-only file's data is listed"
t_run 3 "trajectory add on a read-only file is refused" -- ro -d "$T/f/m.db" trajectory add NEW --title new
t_has "$ERR" "$T/f/m.db: the database file is read-only" "the message says the file is read-only"
t_run 3 "init on a read-only file is refused" -- ro -d "$T/f/m.db" init
t_run 0 "check reads a read-only file" -- ro -d "$T/f/m.db" check
t_eq "$(sha256sum <"$T/f/m.db")" "$before" "the read-only file is byte-identical"
# A read-only open leaves the -shm file with the database's mode then.
chmod 644 "$T/f/m.db"
t_run 3 "once the file is writable, a read-only -shm file left behind is named" -- ro -d "$T/f/m.db" trajectory add NEW --title new
t_has "$ERR" "$T/f/m.db-shm is read-only, unlike the database" "the message names the -shm file"
chmod 644 "$T/f/m.db"-*
t_run 0 "with all of them writable, trajectory add works" -- ro -d "$T/f/m.db" trajectory add NEW --title new
t_run 0 "and check passes" -- ro -d "$T/f/m.db" check

# ---- a read-only directory ------------------------------------------
# SQLite must create the -wal and -shm files beside the database, even
# to read it: it cannot, and says so.
mkdir "$T/d"
cp "$T/base.db" "$T/d/m.db"
chmod 555 "$T/d"
before=$(sha256sum <"$T/d/m.db")
t_run 3 "trajectory list in a read-only directory is refused" -- ro -d "$T/d/m.db" trajectory list
t_has "$ERR" "the database's directory is read-only, and SQLite must create $T/d/m.db-wal and $T/d/m.db-shm beside it" \
    "the message says the directory is read-only"
t_run 3 "trajectory add in a read-only directory is refused" -- ro -d "$T/d/m.db" trajectory add NEW --title new
t_run 3 "--read-only in a read-only directory is refused the same way" -- ro --read-only -d "$T/d/m.db" trajectory list
t_has "$ERR" "the database's directory is read-only" "the --read-only message says the directory is read-only"
t_run 3 "init of a new database in a read-only directory is refused" -- ro -d "$T/d/new.db" init
t_has "$ERR" "$T/d/new.db: cannot create the database: Permission denied" "the message says why it cannot be created"
t_eq "$(ls -A "$T/d")" "m.db" "nothing is created in the read-only directory"
t_eq "$(sha256sum <"$T/d/m.db")" "$before" "the database in the read-only directory is byte-identical"
t_run 4 "a backup into a read-only directory fails" -- ro -d "$T/base.db" backup "$T/d/copy.db"
t_has "$ERR" "$T/d/copy.db: cannot write: Permission denied" "the message names the backup and the reason"
t_eq "$(ls -A "$T/d")" "m.db" "no backup and no temporary file is left"
chmod 755 "$T/d"

# ---- --read-only ------------------------------------------------------
cp "$T/base.db" "$T/r.db"
before=$(sha256sum <"$T/r.db")
t_run 3 "--read-only refuses trajectory add" -- ms --read-only -d "$T/r.db" trajectory add NEW --title new
t_has "$ERR" "opened read-only; nothing can be changed" "the message says the database was opened read-only"
t_run 2 "--read-only refuses init as a usage error" -- ms --read-only -d "$T/r.db" init
t_run 0 "--read-only lists" -- ms --read-only -d "$T/r.db" trajectory list --format csv
t_has "$OUT" "OLD,Bestaand traject" "--read-only shows the data"
t_eq "$(sha256sum <"$T/r.db")" "$before" "--read-only leaves the file byte-identical"
finish
