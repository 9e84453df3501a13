# The demo: it loads with meerstem import alone, and --demo builds the
# same database in the data directory, once, atomically.
. "$TESTS_SRCDIR/lib.sh"
demo="$MEERSTEM_DATADIR/demo"
db="$T/byhand.db"

# By hand, the way a user would: init, trajectory add, one import per file.
t_run 0 "init" -- ms -d "$db" init
t_run 0 "add the demo trajectory" -- ms -d "$db" trajectory add AMS-2023 \
	--title "Arbeidsmarktproblematiek (semi)publieke sectoren" \
	--question "Hoe kunnen de personeelstekorten in zorg, onderwijs, politie, openbaar vervoer en kinderopvang structureel kleiner worden, en wat vraagt dat van werkgevers, werkenden en overheid?" \
	--commission "Commissie Arbeidsmarkt publieke sectoren" \
	--requester "Minister van Sociale Zaken en Werkgelegenheid" \
	--phase options --start 2023-01-16 --due 2024-12-20
kinds="stakeholders sessions attendance benchmarks participants members inputs"
for k in $kinds; do
	t_run 0 "import the demo's $k" -- ms -d "$db" import "$k" AMS-2023 "$demo/$k.csv"
done

# --demo builds the same thing.
t_run 0 "--demo runs a command on the demo" -- ms --demo trajectory show AMS-2023 --format json
t_ok "the demo database is in the data directory" -- test -f "$XDG_DATA_HOME/meerstem/demo.db"
cp "$OUT" "$T/demo.json"
ms -d "$db" trajectory show AMS-2023 --format json >"$T/byhand.json"
t_same "$T/demo.json" "$T/byhand.json" "the demo equals the one imported by hand"
for k in $kinds matrix; do
	ms --demo export "$k" AMS-2023 >"$T/demo.csv"
	ms -d "$db" export "$k" AMS-2023 >"$T/byhand.csv"
	t_same "$T/demo.csv" "$T/byhand.csv" "the demo's $k are the imported ones"
done
t_eq "$(python3 -c 'import json,sys; c=json.load(open(sys.argv[1]))["counts"]; print(c["stakeholders"], c["sessions_held"], c["participants"], c["members"], c["inputs"])' "$T/demo.json")" \
	"45 9 220 10 16" "the demo is a complete trajectory"

# Built once; rebuilt when the shipped files are newer.
inode=$(stat -c %i "$XDG_DATA_HOME/meerstem/demo.db")
ms --demo trajectory list >/dev/null
t_eq "$(stat -c %i "$XDG_DATA_HOME/meerstem/demo.db")" "$inode" "a second run uses the built demo"
mkdir "$T/share" && cp -r "$MEERSTEM_DATADIR/." "$T/share/"
export MEERSTEM_DATADIR="$T/share"
touch -d "+1 minute" "$T/share/demo/members.csv"
t_run 0 "newer shipped files" -- ms --demo trajectory list
t_ok "rebuild the demo" -- test "$(stat -c %i "$XDG_DATA_HOME/meerstem/demo.db")" != "$inode"

# A broken shipped file: the demo that was there stays, nothing is left over.
before=$(sha256sum <"$XDG_DATA_HOME/meerstem/demo.db")
printf 'name,delegation\nAnn,unions\n' >"$T/share/demo/members.csv"
touch -d "+2 minutes" "$T/share/demo/members.csv"
t_run 2 "a demo that does not import" -- ms --demo trajectory list
t_has "$ERR" "cannot build the demo: $T/share/demo/members.csv:2:2: bad delegation 'unions'" \
	"the message names the shipped file, line and column"
t_eq "$(sha256sum <"$XDG_DATA_HOME/meerstem/demo.db")" "$before" "the old demo is left as it was"
t_eq "$(ls "$XDG_DATA_HOME/meerstem")" "demo.db" "no temporary files are left behind"

t_run 2 "--demo with --database" -- ms --demo -d "$db" trajectory list
t_has "$ERR" "--demo and --database exclude each other" "the conflict is named"
# Without a command --demo opens the interface: tests/tui/ drives it.
finish
