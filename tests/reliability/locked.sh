# The database locked by another process for longer than the busy
# timeout (5 seconds): a write lock, under which readers still read
# (WAL) and writers give up with status 3 and a message; and an
# exclusive lock, under which readers give up the same way. Nothing is
# changed, and everything works once the lock is gone.
. "$TESTS_SRCDIR/lib.sh"
db="$T/m.db"
ms -d "$db" init >/dev/null &&
ms -d "$db" trajectory add OLD --title "Bestaand traject" >/dev/null ||
	{ echo "cannot make the base database"; exit 1; }

# Another process takes a lock with SQL and keeps it until release.
hold() {	# SQL, then a command that fails while the lock is held
	local probe=$2 i
	rm -f "$T/fifo"
	mkfifo "$T/fifo"
	sqlite3 "$db" <"$T/fifo" >"$T/holder.out" 2>&1 &
	holder=$!
	exec 7>"$T/fifo"
	printf '%s\n' "$1" >&7
	for i in $(seq 100); do
		sh -c "$probe" >/dev/null 2>&1 || return 0
		sleep 0.05
	done
	echo "# the other process did not take the lock:"; sed 's/^/#   /' "$T/holder.out"
	return 1
}
release() {
	echo 'ROLLBACK;' >&7
	exec 7>&-
	wait "$holder"
}

# Commands run side by side, so that their waits overlap.
bg() {	# NAME -- CMD...
	local name=$1
	shift 2
	( "$@" >"$T/$name.out" 2>"$T/$name.err" </dev/null; echo $? >"$T/$name.st" ) &
}
st() { cat "$T/$1.st"; }

before=$(sha256sum <"$db")
write_probe="sqlite3 -cmd '.timeout 0' '$db' 'BEGIN IMMEDIATE; ROLLBACK'"
if hold "BEGIN IMMEDIATE; UPDATE trajectory SET title = 'held' WHERE code = 'OLD';" "$write_probe"; then
	bg add -- ms -d "$db" trajectory add NEW --title new
	bg init -- ms -d "$db" init
	bg list -- ms -d "$db" trajectory list --format csv
	bg check -- ms -d "$db" check
	bg backup -- ms -d "$db" backup "$T/copy.db"
	wait $(jobs -p | grep -v "^$holder\$")
	t_eq "$(st add)" 3 "trajectory add under another's write lock gives up with status 3"
	t_has "$T/add.err" "the database is locked by another process; try again when it is done" "the message says the database is locked"
	t_eq "$(st init)" 3 "init under another's write lock gives up with status 3"
	t_has "$T/init.err" "locked by another process" "init says the database is locked"
	t_eq "$(st list)" 0 "trajectory list reads under another's write lock"
	t_has "$T/list.out" "OLD,Bestaand traject" "the reader sees the last committed data"
	t_eq "$(st check)" 0 "check reads under another's write lock"
	t_eq "$(st backup)" 0 "backup copies under another's write lock"
	t_eq "$(sqlite3 "$T/copy.db" "select title from trajectory where code = 'OLD'")" "Bestaand traject" \
	    "the backup holds the last committed data"
	release
else
	not_ok "another process holds a write lock"
fi
t_eq "$(sha256sum <"$db")" "$before" "the database is byte-identical after the write lock"

read_probe="sqlite3 -cmd '.timeout 0' '$db' 'select count(*) from trajectory'"
if hold "PRAGMA locking_mode = EXCLUSIVE; BEGIN EXCLUSIVE; UPDATE trajectory SET title = 'held' WHERE code = 'OLD';" "$read_probe"; then
	bg list -- ms -d "$db" trajectory list
	bg ro -- ms --read-only -d "$db" trajectory list
	bg check -- ms -d "$db" check
	bg add -- ms -d "$db" trajectory add NEW --title new
	wait $(jobs -p | grep -v "^$holder\$")
	for c in "list:trajectory list" "ro:--read-only trajectory list" \
	    "check:check" "add:trajectory add"; do
		t_eq "$(st "${c%%:*}")" 3 "${c#*:} under another's exclusive lock gives up with status 3"
		t_has "$T/${c%%:*}.err" "the database is locked by another process; try again when it is done" \
		    "${c#*:} says the database is locked"
	done
	release
else
	not_ok "another process holds an exclusive lock"
fi
t_eq "$(sha256sum <"$db")" "$before" "the database is byte-identical after the exclusive lock"

t_run 0 "once the lock is gone, trajectory add works" -- ms -d "$db" trajectory add NEW --title new
t_run 0 "and check passes" -- ms -d "$db" check
finish
