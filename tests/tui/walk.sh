# The interface end to end in tmux: open, walk every tab, add a
# stakeholder with a Dutch name and see it as a gap, log a session with
# attendance and see the stakeholder heard and the gap disappear, resize
# below 80x24 and back, quit with the terminal restored; read-only mode
# refuses edits; signals restore the terminal.
. "$TESTS_SRCDIR/lib.sh"
. "$TESTS_SRCDIR/tui/lib-tmux.sh"
cd "$T"
ms -d m.db init >/dev/null
ms -d m.db trajectory add AMS-2023 --title "Arbeidsmarkt (semi)publieke sectoren" \
	--phase diagnosis >/dev/null
q() { sqlite3 m.db "$1"; }

tui_start -d m.db
t_wait "meerstem: trajectories" "the interface opens on the trajectories"
# The gap count comes when no key waits, after the first screen.
t_line "^ AMS-2023 .* active +0 *$" "the list counts the trajectory's gaps"
t_screen trajectories "the trajectory list"
tui_keys Enter
t_wait "Voices: heard of registered" "Enter opens the trajectory on its overview"
t_wait "No gaps found." "the overview counts no gaps in an empty trajectory"
tui_keys 2
t_wait "No stakeholders" "2 shows the stakeholders"
tui_keys 3
t_wait "form \\ phase" "3 shows the matrix of forms by phases"
tui_keys v
t_wait "reaches the voice well" "v shows the catalogue matrix"
t_screen catalogue "the catalogue matrix"
tui_keys 4
t_wait "No sessions yet" "4 shows the sessions"
tui_keys 5
t_wait "No input recorded" "5 shows the inputs"
tui_keys 6
t_wait "no rule of the gap check fires" "6 shows the gaps: none yet"
tui_keys Tab
t_wait "Voices: heard of registered" "Tab goes round to the first tab"
tui_keys BTab BTab
t_wait "No input recorded" "Shift-Tab goes back"
tui_keys '?'
t_wait "In lists and screens" "? shows the help"
t_wait "edit what the cursor is on" "the help lists the editing keys"
tui_keys q
t_wait "No input recorded" "q leaves the help"

# A stakeholder with a Dutch name, impact 3.
tui_keys 2 a
t_wait "New stakeholder" "a opens the stakeholder form"
tui_type "Stichting Ëffe Één"
tui_keys Tab Tab Tab Tab Tab Right Right Right C-x
t_wait "Stichting Ëffe Één added" "the form saves the stakeholder"
t_eq "$(q "select s.name || '|' || i.impact from stakeholder s join involvement i on i.stakeholder_id = s.id")" \
	"Stichting Ëffe Één|3" "the name and impact are in the database"
t_line "^ Stichting .* no *$" "the new stakeholder is not heard yet"
tui_keys 6
t_line "^ high +unheard +Stichting Ëffe Één" "the unheard stakeholder is a gap of high severity"
t_wait "Impact 3, unknown voice; heard in no held session" "the gap's detail is shown under the list"
tui_keys 1
t_wait "1 gap: 1 high, 0 medium, 0 low." "the overview counts the gap"
tui_keys 6 Enter
t_line "^ Stichting .* no *$" "Enter on the gap goes to the stakeholder"

# A session, logged with its attendance picked by search.
tui_keys 4 a
t_wait "New session" "a opens the session form"
tui_keys C-x
t_wait "Who attended S01?" "saving a new session asks who attended"
tui_keys /
tui_type "ëffe"
tui_keys Enter Enter
t_wait "Stichting Ëffe Één attends S01" "Enter records the attendance"
tui_keys Escape
t_wait "Attendance (1)" "the session shows its attendance"
t_eq "$(q "select count(*) from attendance")" 1 "the attendance is in the database"
tui_keys Escape 2
t_line "^ Stichting .* yes +Diagno" "the stakeholder is now heard, in the diagnosis phase"
tui_keys 6
t_wait "no rule of the gap check fires" "the gap disappears once the stakeholder is heard"
tui_keys 1
t_line "unknown .* 1 of 1 heard, 1 early" "the overview's voice bars count the stakeholder heard"

# Resizing.
tui_resize 60 15
t_wait "window too small" "below 80x24 the interface says the window is too small"
tui_resize 80 24
t_wait "1 of 1 heard" "back at 80x24 the screen returns"

tui_keys Q
t_wait "EXIT=0" "Q quits with status 0"
t_hides "Stichting" "the terminal is restored after quitting"

# Read-only: no editing keys in the hints or the help, and a refusal.
before=$(sha256sum <m.db)
tui_start -d m.db --read-only
t_wait "[read-only]" "the status line says read-only"
tui_keys Enter 2
t_wait "Stichting" "read-only opens the trajectory"
t_hides "a add" "read-only hints leave out add"
tui_keys a
t_wait "read-only: nothing can be changed" "an editing key is refused"
tui_keys '?'
t_wait "In lists and screens" "the help opens read-only"
t_hides "edit what the cursor is on" "read-only help leaves out the editing keys"
tui_keys q
tui_keys Q
t_wait "EXIT=0" "read-only quits cleanly"
t_eq "$(sha256sum <m.db)" "$before" "read-only leaves the database byte-identical"

# A signal ends the interface and restores the terminal.
tui_start -d m.db
t_wait "meerstem: trajectories" "the interface runs again"
pid=$(pgrep -P "$(tx display -p '#{pane_pid}')" -x meerstem)
kill -TERM "$pid"
t_wait "EXIT=143" "SIGTERM ends it with status 143"
t_hides "meerstem: trajectories" "the terminal is restored after SIGTERM"
finish
