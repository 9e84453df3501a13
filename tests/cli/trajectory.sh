# trajectory add, list and show.
. "$TESTS_SRCDIR/lib.sh"
db="$T/m.db"
ms -d "$db" init >/dev/null || exit 1

t_run 0 "add a trajectory" -- ms -d "$db" trajectory add AMS-2023 \
	--title "Arbeidsmarktproblematiek (semi)publieke sectoren" \
	--commission "Commissie Sociaaleconomische Zaken" --phase diagnosis \
	--start 2023-01-16 --question "Hoe lossen we de tekorten op?"
t_run 0 "add a second trajectory with defaults" -- ms -d "$db" trajectory add JZ-2022 --title "Jeugdzorg"
t_run 0 "list as text" -- ms -d "$db" trajectory list
t_has "$OUT" "AMS-2023  Arbeidsmarktproblematiek (semi)publieke sectoren  Diagnosis" "the text lists code, title and phase label"
t_has "$OUT" "Orientation" "the default phase is the first of the catalogue"
t_run 0 "list as CSV" -- ms -d "$db" trajectory list --format csv
t_eq "$(head -n 1 "$OUT")" "code,title,phase,status,commission,start_date,due_date" "the CSV header has codes"
t_has "$OUT" "AMS-2023,Arbeidsmarktproblematiek (semi)publieke sectoren,diagnosis,active,Commissie Sociaaleconomische Zaken,2023-01-16," "the CSV row has codes, not labels"
t_run 0 "list as JSON" -- ms -d "$db" trajectory list --format json
t_eq "$(python3 -c 'import json,sys; print([t["code"] for t in json.load(open(sys.argv[1]))])' "$OUT")" "['AMS-2023', 'JZ-2022']" "the JSON is an array in code order"
t_run 0 "show as text" -- ms -d "$db" trajectory show AMS-2023
t_has "$OUT" "Question:      Hoe lossen we de tekorten op?" "show prints the question"
t_has "$OUT" "Sessions:      0 held, 0 planned, 0 cancelled" "show prints the counts"
t_run 0 "show as JSON" -- ms -d "$db" trajectory show AMS-2023 --format json
t_eq "$(python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); print(d["phase"], d["start_date"], d["due_date"], d["counts"]["sessions_held"])' "$OUT")" "diagnosis 2023-01-16 None 0" "the JSON has codes, dates, nulls and counts"
t_eq "$(sqlite3 "$db" "select who || ' ' || action || ' ' || subject from change_log where action like 'trajectory%' order by id limit 1")" \
	"$(id -un) trajectory.add AMS-2023" "the change log records who added what"

# Bad input: a clear message, status 2, the file unchanged.
before=$(sha256sum <"$db")
bad() {	# description, message, args...
	local desc=$1 msg=$2
	shift 2
	t_run 2 "$desc is refused" -- ms -d "$db" trajectory add "$@"
	t_has "$ERR" "$msg" "$desc: the message says why"
}
bad "a duplicate code" "trajectory 'AMS-2023' already exists" AMS-2023 --title x
bad "a code with a space" "bad trajectory code 'A B'" "A B" --title x
bad "a missing title" "missing --title" NEW
bad "an empty title" "a trajectory needs a title" NEW --title "  "
bad "an unknown phase" "unknown phase 'drafting'" NEW --title x --phase drafting
bad "an impossible date" "bad start date '2023-02-30'" NEW --title x --start 2023-02-30
bad "a missing code" "missing trajectory code"
t_eq "$(sha256sum <"$db")" "$before" "refused additions leave the database byte-identical"
t_run 2 "show of an unknown trajectory" -- ms -d "$db" trajectory show NOPE
t_has "$ERR" "no trajectory 'NOPE'" "the unknown code is named"
t_run 3 "--read-only refuses to add" -- ms --read-only -d "$db" trajectory add RO --title x
t_has "$ERR" "opened read-only" "the read-only refusal says why"
t_run 0 "--read-only can list" -- ms --read-only -d "$db" trajectory list
t_eq "$(sha256sum <"$db")" "$before" "read-only use leaves the database byte-identical"
finish
