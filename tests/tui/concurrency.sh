# Two interfaces on one database, in two tmux windows, editing the same
# trajectory: each sees the other's changes when it reads again (R, or
# by itself every refresh_seconds), and an edit of a record changed or
# removed underneath it is told, not saved over the other. Then a large
# `meerstem import` while the interface is open and while it saves:
# nothing lost, no crash, both sets of data there afterwards.
. "$TESTS_SRCDIR/lib.sh"
. "$TESTS_SRCDIR/tui/lib-tmux.sh"
cd "$T"
ms -d m.db init >/dev/null
ms -d m.db trajectory add AMS-2023 --title "Arbeidsmarkt" --phase diagnosis >/dev/null
printf '%s\n' "name,kind,category,voice,impact,influence,represented_by,reason,contact" \
	"Partij X,organisation,oud,established,2,1,employees,," \
	"Partij Y,organisation,oud,established,2,1,employees,," >two.csv
ms -d m.db import stakeholders AMS-2023 two.csv >/dev/null
q() { sqlite3 m.db "$1"; }
intact() { [ "$(sqlite3 m.db 'pragma integrity_check; pragma foreign_key_check')" = ok ]; }

tui_start -d m.db
tui_window b -d m.db
t_wait "AMS-2023" "instance A opens"
on b t_wait "AMS-2023" "instance B opens"
tui_keys Enter 2
on b tui_keys Enter 2
t_wait "Partij Y" "A shows the stakeholders"
on b t_wait "Partij Y" "B shows the stakeholders"

# ---- seeing the other's changes ---------------------------------------------
tui_keys a
t_wait "New stakeholder" "A opens a new stakeholder's form"
tui_type "Nieuw van A"
tui_keys C-x
t_wait "Nieuw van A added" "A saves it"
on b tui_keys R
on b t_wait "Nieuw van A" "B shows it after R"
tui_keys a
tui_type "Later van A"
tui_keys C-x
t_wait "Later van A added" "A saves another"
on b t_wait "Later van A" "B shows it by itself within refresh_seconds (2 s)"

# ---- an edit of a record changed underneath ----------------------------------
# Partij X is first in B's list too; both open its form and change its
# category; B saves first.
tui_keys g
on b tui_keys g
t_line "^ Nieuw van A" "the name sort puts Nieuw van A first"
tui_keys j j
on b tui_keys j j
t_line "^ Partij X" "A's cursor is on Partij X"
tui_keys e
on b tui_keys e
t_wait "Edit stakeholder" "A opens Partij X's form"
on b t_wait "Edit stakeholder" "B opens it too"
on b tui_keys Tab Tab C-u
on b tui_type "van B"
on b tui_keys C-x
on b t_wait "Partij X saved" "B saves its change"
tui_keys Tab Tab C-u
tui_type "van A"
tui_keys C-x
t_wait "was changed or deleted by someone else" "A's save is refused and A is told"
t_hides "Edit stakeholder" "A's form is closed"
t_eq "$(q "select category from stakeholder where name = 'Partij X'")" "van B" \
	"B's change is kept, not overwritten"
t_line "^ Partij X +van B" "A now shows B's change"
tui_keys e
t_wait "Edit stakeholder" "A opens the form again"
tui_keys Tab Tab C-u
tui_type "van A"
tui_keys C-x
t_wait "Partij X saved" "on the fresh record A's change is saved"
t_eq "$(q "select category from stakeholder where name = 'Partij X'")" "van A" \
	"A's change is in the database"

# Removed underneath: A edits Partij Y while B removes it from the
# trajectory.
tui_keys j
t_line "^ Partij Y" "A's cursor is on Partij Y"
tui_keys e
t_wait "Edit stakeholder" "A opens Partij Y's form"
on b tui_keys R g j j j
on b t_line "^ Partij Y" "B's cursor is on Partij Y"
on b tui_keys d
on b t_wait "(y/n)" "B asks to remove it"
on b tui_keys y
on b t_wait "Partij Y removed from AMS-2023" "B removes it"
tui_keys Tab Tab C-u
tui_type "weg"
tui_keys C-x
t_line "removed by someone else|changed or deleted by someone else" \
	"A's save of the removed record is refused and A is told"
t_eq "$(q "select count(*) from involvement i join stakeholder s on s.id = i.stakeholder_id where s.name = 'Partij Y'")" 0 \
	"the removal stands"
t_eq "$(q "select count(*) from stakeholder where category = 'weg'")" 0 \
	"A's edit of it is not saved"

# Sessions too: the findings of S01, edited in both.
tui_keys 4 a
t_wait "New session" "A opens a new session"
tui_keys C-x
t_wait "Who attended S01?" "A saves S01"
tui_keys Escape Escape
on b tui_keys 4 R
on b t_wait "S01" "B shows S01"
tui_keys e BTab
on b tui_keys e BTab
t_wait "Edit session" "A edits S01"
on b t_wait "Edit session" "B edits S01"
tui_type "Bevindingen van A"
tui_keys C-x
t_wait "session S01 saved" "A saves the findings"
on b tui_type "Bevindingen van B"
on b tui_keys C-x
on b t_wait "was changed or deleted by someone else" "B's save is refused and told"
t_eq "$(q "select findings from session where ref = 'S01'")" "Bevindingen van A" \
	"A's findings are kept"
on b tui_keys Q
on b t_wait "EXIT=0" "B quits normally"

# ---- a large import while the interface is open and saving -----------------------
# 20,000 stakeholders (about a second; 2,000 under valgrind, which is
# slower than the 5-second busy timeout).
rows=$((20000 / TUI_TIMEOUT_SCALE))
{
	echo "name,kind,category,voice,impact,influence,represented_by,reason,contact"
	for i in $(seq -w 1 "$rows"); do
		echo "Import $i,organisation,vakbond,established,2,1,employees,Reden $i,"
	done
} >big.csv
tui_keys 2 a
t_wait "New stakeholder" "A opens a form before the import"
tui_type "Tijdens import"
ms -d m.db import stakeholders AMS-2023 big.csv >import.out 2>&1 &
imp=$!
# Save while the import writes; the save waits for it.
sleep 0.2
tui_keys C-x
wait "$imp"
t_eq "$?" 0 "the import succeeds while the interface saves"
t_has import.out "$rows added" "the import adds every row"
if wait_for "Tijdens import added" >/dev/null; then
	order=$(q "select case when (select id from stakeholder where name = 'Tijdens import')
	    > (select max(id) from stakeholder where name like 'Import %')
	    then 'after' else 'before' end")
	ok "the interface's save succeeded (committed $order the import)"
else
	# Slower than the busy timeout: a message, the form kept open.
	t_line "locked by another process; try again" "the interface says the database is locked"
	tui_keys C-x
	t_wait "Tijdens import added" "saved again after the import, it succeeds"
fi
t_eq "$(q "select count(*) from stakeholder where name like 'Import %'")" "$rows" \
	"all the imported stakeholders are there"
t_eq "$(q "select count(*) from stakeholder where name = 'Tijdens import'")" 1 \
	"so is the one saved in the interface"
tui_keys R g
t_line "^ Import 0*1 " "the interface shows the imported stakeholders"

# A burst of 30 edits in the interface while a second import (changing
# every row's reason) runs.
sed 's/,Reden /,Opnieuw /' big.csv >big2.csv
v0=$(q "select version from session where ref = 'S01'")
keys=()
for k in $(seq 1 30); do keys+=(e BTab C-u "burst $k" C-x); done
tui_keys 4
t_wait "S01" "the sessions are shown for the burst"
ms -d m.db import stakeholders AMS-2023 big2.csv >import2.out 2>&1 &
imp=$!
tx send-keys "${keys[@]}"
wait "$imp"
t_eq "$?" 0 "the second import succeeds during the burst"
t_has import2.out "$rows changed" "it changes every row"
i=0
while [ "$(q "select version from session where ref = 'S01'")" != $((v0 + 30)) ] &&
    [ $i -lt $((500 * TUI_TIMEOUT_SCALE)) ]; do
	sleep 0.02
	i=$((i + 1))
done
t_eq "$(q "select (version - $v0) || ' ' || findings from session where ref = 'S01'")" \
	"30 burst 30" "all 30 edits of the burst are saved, the last one last"
t_eq "$(q "select count(*) from involvement where reason like 'Opnieuw %'")" "$rows" \
	"and so is every change of the import"
t_hides "locked" "no lock message in the interface"
t_ok "the database is intact" -- intact
tui_keys Q
t_wait "EXIT=0" "the interface quits normally"
finish
