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
#   tui_pid                 the pid of the running program (under
#                           MEERSTEM_WRAPPER, of valgrind running it)
#   tui_window NAME ARGS... a second meerstem in a terminal NAME
#   on NAME CMD...          run a helper above on terminal NAME
#
# TUI_TERM and TUI_LOCALE give the pane's TERM (xterm-256color) and
# LC_ALL (C.UTF-8) for the next tui_start. Every wait is multiplied by
# TUI_TIMEOUT_SCALE (1; 10 under MEERSTEM_WRAPPER).
#
# Under MEERSTEM_WRAPPER (make check-valgrind) every tui_start runs the
# program under the checker, which logs to $T/valgrind/PID.log; finish
# then ends the interface and fails the test if a log is not empty.
command -v tmux >/dev/null 2>&1 || skip_all "tmux is not installed"
_starts=0
TMUX_SOCK="meerstem-test-$$-0"
unset TMUX
tx() { tmux -L "$TMUX_SOCK" -f /dev/null "$@"; }
trap '_tui_kill; chmod -R u+w "$T" 2>/dev/null; rm -rf "$T"' EXIT

_tui_cmd=$MEERSTEM_BIN
if [ -n "${MEERSTEM_WRAPPER:-}" ]; then
	: "${TUI_TIMEOUT_SCALE:=10}"
	mkdir -p "$T/valgrind" "$T/valgrind/bin"
	# Not exec: the script keeps the name meerstem (tests find the
	# program with pgrep -x meerstem) and passes on the signals sent to
	# it. Its own stdin is the terminal; a job in the background would
	# get /dev/null without the explicit redirection.
	cat >"$T/valgrind/bin/meerstem" <<-WRAP
	#!/bin/bash
	exec 3<&0
	$MEERSTEM_WRAPPER --log-file="$T/valgrind/%p.log" "$MEERSTEM_BIN" "\$@" <&3 3<&- &
	child=\$!
	echo "\$child" >>"$T/valgrind/pids"
	for sig in TERM HUP INT; do trap "kill -\$sig \$child" \$sig; done
	while kill -0 "\$child" 2>/dev/null; do wait "\$child"; done
	wait "\$child"
	WRAP
	chmod +x "$T/valgrind/bin/meerstem"
	_tui_cmd=$T/valgrind/bin/meerstem
fi
: "${TUI_TIMEOUT_SCALE:=1}"

_tui_shell() {	# ARGS: the pane's command line
	local cmd="$_tui_cmd" a
	for a in "$@"; do cmd="$cmd '$a'"; done
	echo "env TERM=${TUI_TERM:-xterm-256color} LC_ALL=${TUI_LOCALE:-C.UTF-8} \
	    LANGUAGE=${LANGUAGE:-} MEERSTEM_TODAY=2024-05-01 $cmd; \
	    echo EXIT=\$?; sleep 600"
}

_tui_server() {	# ARGS: a server of its own on $TMUX_SOCK
	tx new-session -d -x 80 -y 24 -c "$T" "$(_tui_shell "$@")"
	tx set-option -g status off >/dev/null
	# The window keeps the size given, whoever attaches.
	tx set-window-option -g window-size manual >/dev/null 2>&1
}

_tui_kill() {
	local s
	tx kill-server 2>/dev/null
	for s in $_tui_others; do tmux -L "$s" kill-server 2>/dev/null; done
	_tui_others=
}

tui_start() {
	# A fresh server each time: reusing a socket races with its exit.
	_tui_kill
	_starts=$((_starts + 1))
	TMUX_SOCK="meerstem-test-$$-$_starts"
	_tui_server "$@"
}

# A second instance, on a tmux server of its own (tmux 3.3 crashes
# making a second window with window-size manual); the helpers act on
# it under `on NAME`.
_tui_others=
tui_window() {	# NAME ARGS...
	local TMUX_SOCK="$TMUX_SOCK-$1"
	shift
	_tui_others="$_tui_others $TMUX_SOCK"
	_tui_server "$@"
}
on() { local TMUX_SOCK="$TMUX_SOCK-$1"; shift; "$@"; }	# on NAME CMD...

tui_keys() { tx send-keys "$@"; }
tui_type() { tx send-keys -l "$1"; }
screen() { tx capture-pane -p; }
tui_resize() { tx resize-window -x "$1" -y "$2"; }

tui_pid() {
	local p
	p=$(pgrep -P "$(tx display -p '#{pane_pid}')" -x meerstem) || return 1
	[ -z "${MEERSTEM_WRAPPER:-}" ] || p=$(pgrep -P "$p") || return 1
	echo "$p"
}

wait_for() {
	local text=$1 secs=${2:-5} i=0
	while [ $i -lt $((secs * 50 * TUI_TIMEOUT_SCALE)) ]; do
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
	while [ $i -lt $((250 * TUI_TIMEOUT_SCALE)) ]; do
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

# Under MEERSTEM_WRAPPER: end the last interface, wait for every checker
# to write its report, and fail on any (valgrind -q reports only errors
# and the leaks asked for).
_tui_finish_valgrind() {
	local pid i found=0
	_tui_kill
	if [ -s "$T/valgrind/pids" ]; then
		while read -r pid; do
			i=0
			while kill -0 "$pid" 2>/dev/null && [ $i -lt 1500 ]; do
				sleep 0.02
				i=$((i + 1))
			done
		done <"$T/valgrind/pids"
	fi
	for f in "$T"/valgrind/*.log; do
		[ -s "$f" ] || continue
		[ $found = 1 ] || not_ok "valgrind: no errors or definite leaks in the interface" \
		    "the checker reported:"
		found=1
		sed -n '1,40s/^/#   /p' "$f"
	done
	[ $found = 1 ] || ok "valgrind: no errors or definite leaks in the interface ($(wc -l <"$T/valgrind/pids" 2>/dev/null || echo 0) runs)"
}

if [ -n "${MEERSTEM_WRAPPER:-}" ]; then
	eval "_lib_$(declare -f finish)"
	finish() { _tui_finish_valgrind; _lib_finish; }
fi
