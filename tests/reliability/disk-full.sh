# A full disk: a small tmpfs filled to the last block, a file-size limit
# (ulimit -f), and ENOSPC injected into every write. Each command that
# needs the space fails with a clear message, changes nothing, leaves no
# half file, and works again once there is room.
#
# The tmpfs is mounted in a private mount namespace (unshare -m, or -rm
# without root), so nothing outside this test sees it.
if [ -z "${MEERSTEM_IN_NS:-}" ]; then
	export MEERSTEM_IN_NS=1
	for u in "unshare -m" "unshare -rm"; do
		$u true 2>/dev/null && exec $u bash "$0" "$@"
	done
	MEERSTEM_IN_NS=none
fi
. "$TESTS_SRCDIR/lib.sh"
command -v strace >/dev/null || skip_all "strace not found (apt-get install strace)"

mkdir "$T/base"
ms -d "$T/base/m.db" init >/dev/null &&
ms -d "$T/base/m.db" trajectory add OLD --title "Bestaand traject" >/dev/null ||
	{ echo "cannot make the base database"; exit 1; }

# ---- a small tmpfs, filled up --------------------------------------
full="$T/full"
mkdir "$full"
if [ "$MEERSTEM_IN_NS" = 1 ] && mount -t tmpfs -o size=1m tmpfs "$full" 2>/dev/null; then
	cp "$T/base/m.db" "$full/m.db"
	# Fill every last block.
	dd if=/dev/zero of="$full/filler" bs=4k 2>/dev/null
	dd if=/dev/zero of="$full/filler2" bs=512 2>/dev/null
	before=$(sha256sum <"$full/m.db")
	t_run 4 "trajectory add on a full disk fails" -- ms -d "$full/m.db" trajectory add NEW --title new
	t_has "$ERR" "the disk is full; nothing was changed" "the message says the disk is full"
	t_eq "$(sha256sum <"$full/m.db")" "$before" "the database is byte-identical"
	t_run 4 "init of a new database on a full disk fails" -- ms -d "$full/new.db" init
	t_ok "no half database is left behind" -- test ! -e "$full/new.db"
	t_run 4 "a backup onto a full disk fails" -- ms -d "$T/base/m.db" backup "$full/copy.db"
	t_has "$ERR" "$full/copy.db: the disk is full; no backup was written" "the message names the backup and says the disk is full"
	t_eq "$(ls -A "$full" | grep -Ec 'copy|tmp-')" 0 "no backup and no temporary file is left"
	# Even reading needs room: SQLite makes the -shm file first.
	t_run 4 "trajectory list on a full disk fails" -- ms -d "$full/m.db" trajectory list
	t_has "$ERR" "the disk is full" "the message says the disk is full"
	rm -f "$full/filler" "$full/filler2"
	t_run 0 "with room again, trajectory add works" -- ms -d "$full/m.db" trajectory add NEW --title new
	t_run 0 "and lists the old and the new trajectory" -- ms -d "$full/m.db" trajectory list --format csv
	t_has "$OUT" "OLD,Bestaand traject" "the old trajectory is there"
	t_has "$OUT" "NEW,new" "the new trajectory is there"
	t_run 0 "and the database passes check" -- ms -d "$full/m.db" check
	umount "$full"
else
	ok "# SKIP cannot mount a tmpfs here (needs unshare -m or user namespaces)"
fi

# ---- a file-size limit ------------------------------------------------
# 8 KiB: the -wal file cannot grow by the pages of one transaction.
cp "$T/base/m.db" "$T/lim.db"
before=$(sha256sum <"$T/lim.db")
t_run 4 "trajectory add past the file-size limit fails" -- \
    sh -c 'ulimit -f 8 && exec "$@"' sh "$MEERSTEM" -d "$T/lim.db" trajectory add NEW --title new
t_has "$ERR" "the file-size limit (ulimit -f) is reached; nothing was changed" "the message names the file-size limit"
t_eq "$(sha256sum <"$T/lim.db")" "$before" "the database is byte-identical"
t_run 4 "a backup past the file-size limit fails" -- \
    sh -c 'ulimit -f 64 && exec "$@"' sh "$MEERSTEM" -d "$T/lim.db" backup "$T/lim-copy.db"
t_has "$ERR" "$T/lim-copy.db: cannot write the backup (disk I/O error: File too large)" "the message names the backup"
t_eq "$(ls -A "$T" | grep -c 'lim-copy')" 0 "no backup and no temporary file is left"
t_run 0 "without the limit, trajectory add works" -- ms -d "$T/lim.db" trajectory add NEW --title new

# ---- every write fails with ENOSPC ------------------------------------
export ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}detect_leaks=0"
cp "$T/base/m.db" "$T/nospc.db"
before=$(sha256sum <"$T/nospc.db")
t_run 4 "trajectory add when every write finds the disk full fails" -- \
    strace -f -qq -o /dev/null -e inject=pwrite64:error=ENOSPC "$MEERSTEM" -d "$T/nospc.db" trajectory add NEW --title new
t_has "$ERR" "the disk is full; nothing was changed" "the message says the disk is full"
t_eq "$(sha256sum <"$T/nospc.db")" "$before" "the database is byte-identical"
t_run 4 "init when every write finds the disk full fails" -- \
    strace -f -qq -o /dev/null -e inject=pwrite64:error=ENOSPC "$MEERSTEM" -d "$T/nospc-new.db" init
t_ok "no half database is left behind" -- test ! -e "$T/nospc-new.db"
finish
