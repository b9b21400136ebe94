#!/bin/sh
# Whole-process timings of the same inputs by galley and by its peers, in
# one run, with the ratios: pandoc (HTML, EPUB, plain text), pandoc +
# WeasyPrint and Typst (PDF). Inputs: the seed, the seed ×10 and ×100
# (headings made unique), and a book of about 1,000 pages made of the
# seed. A peer that is missing is skipped, and the script says so.
#
#   bench/compare.sh            (make bench)
#   RUNS=3 JOBS=1 bench/compare.sh
#
# Needs: Go; for the peers, Debian's pandoc, weasyprint and hyperfine, and
# npm's @myriaddreamin/typst-ts-node-compiler@0.7.0 (installed into
# bench/.work/node_modules when npm is there).
set -eu
cd "$(dirname "$0")/.."
W=bench/.work
RUNS=${RUNS:-5}
mkdir -p "$W"
export GOMAXPROCS=${GOMAXPROCS:-1}
go build -o "$W/galley" ./cmd/galley
go build -o "$W/typst" bench/typst.go
G="$W/galley"

have() { command -v "$1" >/dev/null 2>&1; }
have hyperfine || echo "hyperfine is missing (apt-get install hyperfine): timing with a shell loop"
have pandoc || echo "pandoc is missing (apt-get install pandoc): its columns are skipped"
have weasyprint || echo "weasyprint is missing (apt-get install weasyprint): pandoc + WeasyPrint is skipped"
TYPST=""
if have node; then
	if [ ! -d "$W/node_modules/@myriaddreamin/typst-ts-node-compiler" ] && have npm; then
		(cd "$W" && npm install --silent --no-save @myriaddreamin/typst-ts-node-compiler@0.7.0 >/dev/null 2>&1) || true
	fi
	[ -d "$W/node_modules/@myriaddreamin/typst-ts-node-compiler" ] && TYPST=1
fi
[ -n "$TYPST" ] || echo "Typst (npm @myriaddreamin/typst-ts-node-compiler@0.7.0) is missing: its column is skipped"
cp bench/typst.js "$W/typst.js"

# The inputs, as Markdown (which every tool reads), from the seed.
DROP='--drop-line "Base description which applies to whole site" --drop-line Licence'
eval "$G convert fixtures/beleidsprioriteiten-2023.txt $DROP --title 'Beleidsprioriteiten 2023' -t json -o $W/seed.json"
"$G" convert "$W/seed.json" -t markdown -o "$W/seed.md"
# ×N: the chapter N times, its headings numbered so that they stay unique.
copies() {
	awk -v n="$1" '{lines[NR]=$0} END {
		fm = 0
		if (lines[1] == "---") for (k = 2; k <= NR; k++) if (lines[k] == "---") { fm = k; break }
		for (k = 1; k <= fm; k++) print lines[k]
		print ""
		for (i = 1; i <= n; i++) for (k = fm + 1; k <= NR; k++) {
			l = lines[k]
			if (l ~ /^#/) { sub(/ [{]#[^}]*[}]$/, "", l); l = l " " i }
			gsub(/\[\^[0-9]+/, "&-" i, l)
			print l } }' "$W/seed.md"
}
copies 10 >"$W/seed10.md"
copies 100 >"$W/seed100.md"
copies 55 >"$W/book.md"
for f in seed seed10 seed100 book; do
	"$G" convert "$W/$f.md" -t json -o "$W/$f.json" 2>/dev/null
	"$W/typst" <"$W/$f.json" >"$W/$f.typ"
done

# Timings run in the work folder: pandoc's PDF engine leaves its files in
# the current one.
cd "$W"
G=./galley
W=.

secs() { # the mean seconds of a command
	if have hyperfine; then
		hyperfine -N --warmup 1 --runs "$RUNS" --export-csv "$W/t.csv" "$1" >/dev/null 2>&1 || { echo fail; return; }
		awk -F, 'NR==2 {printf "%.4f", $2}' "$W/t.csv"
	else
		s=$(date +%s%N); i=0
		while [ $i -lt "$RUNS" ]; do sh -c "$1" >/dev/null 2>&1 || { echo fail; return; }; i=$((i+1)); done
		e=$(date +%s%N); awk -v a="$s" -v b="$e" -v n="$RUNS" 'BEGIN {printf "%.4f", (b-a)/n/1e9}'
	fi
}
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (a == "" || b == "" || a == "fail" || b == "fail" || a+0 == 0) print "–"; else printf "%.1f×", b/a }'; }
ms() { awk -v a="$1" 'BEGIN { if (a == "" || a == "fail") print "–"; else printf "%.0f ms", a*1000 }'; }

echo
echo "machine: $(nproc) cores, $(awk '/model name/ {sub(/.*: /, ""); print; exit}' /proc/cpuinfo); GOMAXPROCS=$GOMAXPROCS; $RUNS runs each"
echo
echo "| input | format | galley | pandoc | ratio | pandoc + WeasyPrint | ratio | Typst | ratio |"
echo "|---|---|---|---|---|---|---|---|---|"
for f in seed seed10 seed100; do
	for fmt in html epub txt; do
		g=$(secs "$G convert $W/$f.md -o $W/out.$fmt")
		p=""
		if have pandoc; then
			to=$fmt; [ $fmt = txt ] && to=plain
			p=$(secs "pandoc -s $W/$f.md -t $to -o $W/pandoc.$fmt")
		fi
		echo "| $f | $fmt | $(ms "$g") | $(ms "$p") | $(ratio "$g" "$p") | | | | |"
	done
	g=$(secs "$G convert $W/$f.md -o $W/out.pdf")
	wp=""; ty=""
	if have pandoc && have weasyprint; then
		wp=$(secs "pandoc -s $W/$f.md -t html5 --pdf-engine=weasyprint -o $W/pandoc.pdf")
	fi
	if [ -n "$TYPST" ]; then
		ty=$(secs "node $W/typst.js $W/$f.typ $W/typst.pdf")
	fi
	echo "| $f | pdf | $(ms "$g") | | | $(ms "$wp") | $(ratio "$g" "$wp") | $(ms "$ty") | $(ratio "$g" "$ty") |"
done

# Pages per second and peak memory on the book.
/usr/bin/time -f "%e %M" -o "$W/time" "$G" convert "$W/book.md" -o "$W/book.pdf" 2>/dev/null
pages=$(pdfinfo "$W/book.pdf" 2>/dev/null | awk '/^Pages:/ {print $2}')
read -r el kb <"$W/time"
echo
echo "book: $pages pages in $el s ($(awk -v p="$pages" -v s="$el" 'BEGIN {printf "%.0f", p/s}') pages/s), peak $(awk -v k="$kb" 'BEGIN {printf "%.0f", k/1024}') MB"
echo "process start (galley version): $(ms "$(secs "$G version")")"
