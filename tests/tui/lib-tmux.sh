# tests/tui/lib-tmux.sh: drive the interface in a private tmux server.
# Source after lib.sh.
#
#   tui_start ARGS...       run meerstem ARGS in an 80x24 pane (a shell
#                           runs it and prints "EXIT=status" after it)
#   tui_keys KEY...         tmux send-keys
#   tui_type TEXT           type TEXT literally
#   wait_for TEXT [SECS]    poll the pane until it shows TEXT (default 5 s);
#                           fails the test with the screen if it does not
#   t_wait TEXT DESC        a test that TEXT appears (wait_for)
#   t_line REGEX DESC       a test that a line comes to match REGEX
#   t_hides TEXT DESC       a test that the screen lacks TEXT now
#   screen                  the pane's text now
#   tui_resize COLS ROWS    resize the pane
#   t_screen NAME DESC      compare the screen with NAME.screen beside the
#                           test (MEERSTEM_REGENERATE=1 rewrites it)
command -v tmux >/dev/null 2>&1 || skip_all "tmux is not installed"
_starts=0
TMUX_SOCK="meerstem-test-$$-0"
unset TMUX
tx() { tmux -L "$TMUX_SOCK" -f /dev/null "$@"; }
trap 'tx kill-server 2>/dev/null; chmod -R u+w "$T" 2>/dev/null; rm -rf "$T"' EXIT

tui_start() {
	local cmd="$MEERSTEM" a
	for a in "$@"; do cmd="$cmd '$a'"; done
	# A fresh server each time: reusing a socket races with its exit.
	tx kill-server 2>/dev/null
	_starts=$((_starts + 1))
	TMUX_SOCK="meerstem-test-$$-$_starts"
	tx new-session -d -x 80 -y 24 -c "$T" \
	    "env TERM=xterm-256color LC_ALL=${TUI_LOCALE:-C.UTF-8} LANGUAGE=${LANGUAGE:-} \
	    MEERSTEM_TODAY=2024-05-01 $cmd; echo EXIT=\$?; sleep 600"
	tx set-option -g status off >/dev/null
	# The window keeps the size given, whoever attaches.
	tx set-window-option -g window-size manual >/dev/null 2>&1
}

tui_keys() { tx send-keys "$@"; }
tui_type() { tx send-keys -l "$1"; }
screen() { tx capture-pane -p; }
tui_resize() { tx resize-window -x "$1" -y "$2"; }

wait_for() {
	local text=$1 secs=${2:-5} i=0
	while [ $i -lt $((secs * 50)) ]; do
		screen | grep -qF -- "$text" && return 0
		sleep 0.02
		i=$((i + 1))
	done
	echo "#   waited $secs s for '$text'; the screen:"
	screen | sed 's/^/#   | /'
	return 1
}

t_hides() {	# TEXT DESC: the screen, which must be readable, lacks TEXT
	if ! screen >"$T/now"; then
		not_ok "$2" "cannot read the screen"
	elif grep -qF -- "$1" "$T/now"; then
		not_ok "$2" "'$1' is shown:"; sed 's/^/#   | /' "$T/now"
	else
		ok "$2"
	fi
}

t_line() {	# REGEX DESC: a line of the screen matches REGEX
	local i=0
	while [ $i -lt 250 ]; do
		screen | grep -qE -- "$1" && { ok "$2"; return; }
		sleep 0.02
		i=$((i + 1))
	done
	not_ok "$2" "no line matches /$1/:"
	screen | sed 's/^/#   | /'
}

t_wait() {	# TEXT DESC
	if wait_for "$1"; then ok "$2"; else not_ok "$2" "'$1' never appeared"; fi
}

t_screen() {	# NAME DESC
	local want="$TESTS_SRCDIR/tui/$1.screen"
	screen >"$T/screen"
	if [ "${MEERSTEM_REGENERATE:-}" = 1 ]; then
		cp "$T/screen" "$want"
		ok "$2 # regenerated"
	elif diff -u "$want" "$T/screen" >"$T/diff"; then
		ok "$2"
	else
		not_ok "$2" "the screen differs from $1.screen:"
		sed 's/^/#   /' "$T/diff" | head -n 40
	fi
}
