# test/counts.sh: the one place that writes and reads the closing count line of a
# test run, "N passed, M failed, K skipped" (sourced by test/run, test/package and
# .ci/run).
#
#   counts_line P F S     prints the line
#   counts_read FILE      prints "P F S" from the last count line in FILE (a run's own
#                         summary, wherever it is: make's error line may follow it),
#                         nothing when FILE has none
#   counts_add A B        adds two "P F S" triples
counts_line() {
	echo "${1:-0} passed, ${2:-0} failed, ${3:-0} skipped"
}
counts_read() {
	sed -n 's/^\([0-9][0-9]*\) passed, \([0-9][0-9]*\) failed\(, \([0-9][0-9]*\) skipped\)\{0,1\}$/\1 \2 \4/p' "$1" |
		tail -n 1 | awk 'NF { print $1, $2, ($3 == "" ? 0 : $3) }'
}
counts_add() {
	local a b
	read -r -a a <<<"$1"
	read -r -a b <<<"$2"
	echo "$((${a[0]:-0} + ${b[0]:-0})) $((${a[1]:-0} + ${b[1]:-0})) $((${a[2]:-0} + ${b[2]:-0}))"
}
