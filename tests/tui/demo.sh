# The interface on the demo trajectory, as the README's run command
# opens it: the gap counts in the list and the overview, the gaps tab
# with its detail, Enter on a gap going to its subject, and a gap that
# changes when a session hears the stakeholder it is about.
. "$TESTS_SRCDIR/lib.sh"
. "$TESTS_SRCDIR/tui/lib-tmux.sh"
cd "$T"
# Under the home directory, so that the status line shows it as ~ and
# the screens compared do not hold the test's temporary directory.
export XDG_DATA_HOME="$HOME/.local/share"
db="$XDG_DATA_HOME/meerstem/demo.db"
q() { sqlite3 "$db" "$1"; }

tui_start --demo
t_line "^ AMS-2023 .* active +29 *$" "the trajectory list counts the demo's 29 gaps"
tui_keys Enter
t_wait "29 gaps: 8 high, 15 medium, 6 low." "the demo opens on its overview with the gap count"
t_screen overview "the overview of the demo trajectory"

tui_keys 6
t_wait "Severity" "6 shows the gaps"
t_screen gaps "the gaps, most severe first, the first one in full"
tui_keys j
t_wait "Impact 3, vulnerable voice; heard in no held session" "the detail follows the cursor"
tui_keys /
tui_type "S04"
tui_keys Enter
t_wait "Held on 2023-06-13" "a search finds the feedback gap of S04"
t_wait "14/29" "the cursor is on the match"

# Enter on each kind of subject.
tui_keys Enter
t_line "^ 2023-06-13 S04 " "Enter on a session's gap goes to the session"
t_wait "9/12" "the cursor is on the session"
tui_keys 6 G Enter
t_wait "2/16" "Enter on an input's gap goes to the inputs"
tui_keys e
t_wait "begeleiding van zij-instromers in hun eerste jaar." "the cursor is on that input"
tui_keys Escape 6 g j j j j j j Enter
t_wait "only the critical voice" "Enter on a missing voice filters the stakeholders by it"
t_wait "1/4" "the four critical stakeholders are listed"
tui_keys 6 g Enter e
t_wait "Kees Brouwer (fictief)" "Enter on a stakeholder's gap goes to the stakeholder"
t_wait "Edit stakeholder" "e edits the stakeholder the cursor is on"
tui_keys Escape

# Hear Kees Brouwer in an interview: he is no longer unheard, and the
# critical voice no longer missing, but hearing him in the options phase
# is late.
tui_keys 4 a
t_wait "New session" "a logs a session"
tui_keys Right Right Right C-x
t_wait "Who attended S13?" "the session is saved and asks who attended"
tui_keys /
tui_type "kees"
tui_keys Enter Enter
t_wait "Kees Brouwer (fictief) attends S13" "Kees Brouwer attends"
tui_keys Escape Escape 6
t_wait "1/28" "the gaps tab is read again"
t_line "^ medium +heard late +Kees Brouwer" "Kees Brouwer is heard late now"
t_hides "unheard              Kees" "and no longer unheard"
t_hides "voice missing" "the critical voice is no longer missing"
tui_keys 1
t_wait "28 gaps: 6 high, 16 medium, 6 low." "the overview counts the gaps again"
t_line "critical .* 1 of 4 heard" "one critical voice is heard now"
t_eq "$(q "select f.code from session s join form f on f.id = s.form_id where s.ref = 'S13'")" \
	experience_interview "the session is an interview with people with lived experience"
tui_keys Escape
t_line "^ AMS-2023 .* active +28 *$" "the trajectory list counts the gaps again"
tui_keys Q
t_wait "EXIT=0" "Q quits"

# In Dutch, with its longer words, the list and the tabs still fit.
if locale -a 2>/dev/null | grep -qi '^nl_NL.utf8$'; then
	TUI_LOCALE=nl_NL.UTF-8 LANGUAGE=nl tui_start --demo
	t_line "^ AMS-2023 .* actief +28 *$" "the Dutch list has its gap count"
	t_line "status +hiaten *$" "the gap column's Dutch heading is whole"
	tui_keys Enter
	t_line "^ AMS-2023 +1 Overzicht .* 6 Hiaten *$" "the Dutch tab bar shows all six tabs whole"
	t_wait "28 hiaten: 6 hoog, 16 middel, 6 laag." "the overview is in Dutch"
	t_wait "Einde: 2024-12-20" "the due date fits"
	tui_keys Q
	t_wait "EXIT=0" "Q quits"
else
	ok "# SKIP no nl_NL.UTF-8 locale (install locales and run locale-gen)"
fi
finish
