# tests/tui/lib-tmux.sh: drive the interface in a private tmux server.
# Source after lib.sh.
#
#   tui_start ARGS...       run meerstem ARGS in an 80x24 pane (a shell
#                           runs it and prints "EXIT=status" after it)
#   tui_keys KEY...         tmux send-keys
#   tui_type TEXT           type TEXT literally
#   wait_for TEXT [SECS]    poll the pane until it shows TEXT (default 5 s);
#                           fails the test with the screen if it does not
#   wait_gone TEXT [SECS]   poll until TEXT is no longer shown
#   screen                  the pane's text now
#   tui_resize COLS ROWS    resize the pane
#   t_screen NAME DESC      compare the screen with NAME.screen beside the
#                           test (MEERSTEM_REGENERATE=1 rewrites it)
command -v tmux >/dev/null 2>&1 || skip_all "tmux is not installed"
TMUX_SOCK="meerstem-test-$$"
unset TMUX
tx() { tmux -L "$TMUX_SOCK" -f /dev/null "$@"; }
trap 'tx kill-server 2>/dev/null; chmod -R u+w "$T" 2>/dev/null; rm -rf "$T"' EXIT

tui_start() {
	local cmd="$MEERSTEM" a
	for a in "$@"; do cmd="$cmd '$a'"; done
	tx kill-server 2>/dev/null
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

wait_gone() {
	local text=$1 secs=${2:-5} i=0
	while [ $i -lt $((secs * 50)) ]; do
		screen | grep -qF -- "$text" || return 0
		sleep 0.02
		i=$((i + 1))
	done
	echo "#   '$text' still shown after $secs s"
	return 1
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
