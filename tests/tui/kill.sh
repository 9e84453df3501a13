# SIGKILL during edits in the interface: right after a form is
# confirmed (at several delays, so that the kill lands before, during
# and after the transaction), and in the middle of a burst of edits sent
# faster than they are saved. Every time the file passes SQLite's
# integrity and foreign-key checks and each edit is all there or not
# there: a stakeholder with its involvement and both change-log entries,
# a session's findings with its version and its change-log entry.
. "$TESTS_SRCDIR/lib.sh"
. "$TESTS_SRCDIR/tui/lib-tmux.sh"
cd "$T"
ms -d m.db init >/dev/null
ms -d m.db trajectory add AMS-2023 --title "Arbeidsmarkt" --phase diagnosis >/dev/null
q() { sqlite3 m.db "$1"; }
intact() { [ "$(sqlite3 m.db 'pragma integrity_check; pragma foreign_key_check')" = ok ]; }
kill9() { kill -KILL "$1"; while kill -0 "$1" 2>/dev/null; do sleep 0.01; done; }

# Stakeholders that lack a part of their addition, and change-log
# entries of additions that are not there.
halves() {
	q "select count(*) from stakeholder s where
	    (select count(*) from involvement i where i.stakeholder_id = s.id) <> 1
	    or not exists (select 1 from change_log where action = 'stakeholder.add'
	        and subject = s.name)
	    or not exists (select 1 from change_log where action = 'involvement.add'
	        and subject = s.name);
	  select count(*) from change_log c where action in
	    ('stakeholder.add', 'involvement.add')
	    and not exists (select 1 from stakeholder where name = c.subject)"
}

# ---- killed right after confirming a form ---------------------------------
i=0
for delay in 0 0.002 0.005 0.01 0.02 0.05 0.2; do
	i=$((i + 1))
	tui_start -d m.db
	wait_for "AMS-2023" >/dev/null || break
	tui_keys Enter 2 a
	wait_for "New stakeholder" >/dev/null || break
	tui_type "Partij $i"
	wait_for "Partij $i" >/dev/null || break
	pid=$(tui_pid)
	tui_keys C-x
	sleep "$delay"
	kill9 "$pid"
	t_ok "killed ${delay}s after saving stakeholder $i: intact" -- intact
	t_eq "$(halves | tr '\n' ' ')" "0 0 " \
		"killed ${delay}s after saving stakeholder $i: whole or absent"
done
saved=$(q "select count(*) from stakeholder")
t_ok "some of the killed additions were saved ($saved of $i)" -- [ "$saved" -gt 0 ]

# ---- killed in a burst of edits ---------------------------------------------
tui_start -d m.db
t_wait "AMS-2023" "the interface opens for the burst"
tui_keys Enter 4 a
t_wait "New session" "a session form opens"
tui_keys C-x
t_wait "Who attended S01?" "the session is saved"
tui_keys Escape Escape
t_wait "S01" "the sessions list shows it"

# Each edit sets the findings to "edit N", N counting on from the last
# saved one; the session's version and change log must agree with it.
consistent() {
	local v f n
	v=$(q "select version from session where ref = 'S01'")
	f=$(q "select findings from session where ref = 'S01'")
	n=$(q "select count(*) from change_log where action = 'session.update'
	    and subject = 'S01'")
	[ "$n" = $((v - 1)) ] && { [ "$n" = 0 ] && [ -z "$f" ] || [ "$f" = "edit $n" ]; }
}
burst=0
for delay in 0.05 0.15 0.3; do
	burst=$((burst + 1))
	pid=$(tui_pid)
	n=$(q "select version - 1 from session where ref = 'S01'")
	keys=()
	for k in $(seq $((n + 1)) $((n + 100))); do
		keys+=(e BTab C-u "edit $k" C-x)
	done
	# One send-keys with the whole burst: keys arrive faster than
	# the saves.
	tx send-keys "${keys[@]}"
	sleep "$delay"
	kill9 "$pid"
	t_ok "killed ${delay}s into burst $burst: intact" -- intact
	t_ok "killed ${delay}s into burst $burst: each edit whole or absent ($(q "select version - 1 from session") saved so far)" -- consistent
	tui_start -d m.db
	wait_for "AMS-2023" >/dev/null
	tui_keys Enter 4
	wait_for "S01" >/dev/null
done
t_ok "the bursts saved edits" -- [ "$(q "select version from session")" -gt 1 ]
t_run 0 "meerstem check passes after the kills" -- ms -d m.db check
tui_keys Q
t_wait "EXIT=0" "the interface still works after the kills"
finish
