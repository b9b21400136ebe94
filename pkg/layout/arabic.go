package layout

// Arabic letters join their neighbours, and take a different form at
// the start, in the middle and at the end of a word. A shaping engine
// chooses those forms among a font's glyphs; the PDF writer draws
// characters, so galley uses the characters Unicode has for the forms
// (Arabic Presentation Forms-B, which fonts such as DejaVu Sans carry),
// and the lam-alef ligatures. Marks (harakat) stay as they are.

// arabicForms maps a letter to its isolated presentation form and the
// number of forms it has: 4 (isolated, final, initial, medial) for a
// letter that joins on both sides, 2 (isolated, final) for one that
// joins only the letter before it.
var arabicForms = map[rune]struct {
	iso   rune
	forms int
}{
	0x0621: {0xFE80, 1}, 0x0622: {0xFE81, 2}, 0x0623: {0xFE83, 2}, 0x0624: {0xFE85, 2},
	0x0625: {0xFE87, 2}, 0x0626: {0xFE89, 4}, 0x0627: {0xFE8D, 2}, 0x0628: {0xFE8F, 4},
	0x0629: {0xFE93, 2}, 0x062A: {0xFE95, 4}, 0x062B: {0xFE99, 4}, 0x062C: {0xFE9D, 4},
	0x062D: {0xFEA1, 4}, 0x062E: {0xFEA5, 4}, 0x062F: {0xFEA9, 2}, 0x0630: {0xFEAB, 2},
	0x0631: {0xFEAD, 2}, 0x0632: {0xFEAF, 2}, 0x0633: {0xFEB1, 4}, 0x0634: {0xFEB5, 4},
	0x0635: {0xFEB9, 4}, 0x0636: {0xFEBD, 4}, 0x0637: {0xFEC1, 4}, 0x0638: {0xFEC5, 4},
	0x0639: {0xFEC9, 4}, 0x063A: {0xFECD, 4}, 0x0641: {0xFED1, 4}, 0x0642: {0xFED5, 4},
	0x0643: {0xFED9, 4}, 0x0644: {0xFEDD, 4}, 0x0645: {0xFEE1, 4}, 0x0646: {0xFEE5, 4},
	0x0647: {0xFEE9, 4}, 0x0648: {0xFEED, 2}, 0x0649: {0xFEEF, 2}, 0x064A: {0xFEF1, 4},
}

// lamAlef maps the alef that follows a lam to their ligature's isolated
// form (the final form follows it).
var lamAlef = map[rune]rune{0x0622: 0xFEF5, 0x0623: 0xFEF7, 0x0625: 0xFEF9, 0x0627: 0xFEFB}

const tatweel = 0x0640

// arabicMark reports whether r is a combining mark, which is transparent
// to joining.
func arabicMark(r rune) bool {
	return r >= 0x064B && r <= 0x065F || r == 0x0670
}

// joinsNext reports whether r connects to the letter after it.
func joinsNext(r rune) bool {
	return r == tatweel || arabicForms[r].forms == 4
}

// joinsPrev reports whether r connects to the letter before it.
func joinsPrev(r rune) bool {
	return r == tatweel || arabicForms[r].forms >= 2
}

// hasArabic reports whether s holds an Arabic letter.
func hasArabic(s string) bool {
	for _, r := range s {
		if r >= 0x0621 && r <= 0x064A {
			return true
		}
	}
	return false
}

// shapeArabic returns s with its Arabic letters in their contextual
// presentation forms, where has says some font draws the form; other
// letters are left as they are.
func shapeArabic(s string, has func(rune) bool) string {
	if !hasArabic(s) {
		return s
	}
	rs := []rune(s)
	out := make([]rune, 0, len(rs))
	// neighbour returns the letter before (step -1) or after (+1) i,
	// skipping marks; 0 if none.
	neighbour := func(i, step int) rune {
		for k := i + step; k >= 0 && k < len(rs); k += step {
			if !arabicMark(rs[k]) {
				return rs[k]
			}
		}
		return 0
	}
	for i := 0; i < len(rs); i++ {
		r := rs[i]
		f, ok := arabicForms[r]
		if !ok {
			out = append(out, r)
			continue
		}
		prev := neighbour(i, -1)
		joinedBefore := prev != 0 && joinsNext(prev)
		// Lam and alef make a ligature.
		if r == 0x0644 {
			if next := neighbour(i, 1); next != 0 {
				if lig, ok := lamAlef[next]; ok {
					form := lig
					if joinedBefore {
						form = lig + 1
					}
					if has(form) {
						out = append(out, form)
						// Skip to the alef, keeping marks between.
						for i++; i < len(rs) && arabicMark(rs[i]); i++ {
							out = append(out, rs[i])
						}
						continue
					}
				}
			}
		}
		next := neighbour(i, 1)
		joinedAfter := f.forms == 4 && next != 0 && joinsPrev(next)
		form := f.iso
		switch {
		case f.forms == 1:
		case joinedBefore && joinedAfter:
			form = f.iso + 3
		case joinedBefore:
			form = f.iso + 1
		case joinedAfter:
			form = f.iso + 2
		}
		if !has(form) {
			form = r
		}
		out = append(out, form)
	}
	return string(out)
}
