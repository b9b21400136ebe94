package validate

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"regexp"
	"sort"
	"strings"
	"time"

	"github.com/pdfcpu/pdfcpu/pkg/api"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/model"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/types"
)

// PDFARules lists the rules of ISO 19005-2 (PDF/A-2; PDF/A-3 adds only
// attachments) that PDFA checks, by clause: what veraPDF, which cannot
// be installed here, would check first.
var PDFARules = []string{
	"6.1.2 header: %PDF-1.n, then a comment of four bytes above 127",
	"6.1.3 trailer: an /ID, no /Encrypt, nothing after the last %%EOF",
	"6.1.7 streams: no /F, /FFilter, /FDecodeParms; no LZWDecode",
	"6.1.13 limits: names of at most 127 bytes, integers of 32 bits",
	"6.2.2 output intent: /S /GTS_PDFA1 with an embedded ICC profile (version 2 or 4, display, printer, input or colour space class) whose channels match /N",
	"6.2.4.3 DeviceRGB only with an RGB output intent, DeviceCMYK only with a CMYK one",
	"6.2.8 images: no /Alternates, /OPI; /Interpolate not true",
	"6.2.9 XObjects: no PostScript; forms without /OPI, /Ref",
	"6.2.10 transparency: standard blend modes; no transfer functions or halftones in graphics states (/TR, /HTP)",
	"6.2.11 fonts: every font embedded; a CIDFontType2 with /CIDToGIDMap; level A and U: a ToUnicode map",
	"6.3.2 annotations: /F with Print set and Hidden, Invisible, NoView, ToggleNoView clear",
	"6.3.1, 6.5.1 no annotation or action of a forbidden kind (Launch, Sound, Movie, JavaScript, …); no /AA",
	"6.6.2.1 metadata: XMP in the catalog, unfiltered, without bytes or encoding in its packet header",
	"6.6.2.3 the document information's entries equal their XMP equivalents (Title, Author, Subject, Keywords, Creator, Producer, CreationDate, ModDate)",
	"6.6.2.3.2 every property outside the predefined schemas (pdfuaid) described in an extension schema",
	"6.6.4 identification: pdfaid:part 2 or 3, pdfaid:conformance A, B or U",
	"6.7 level A: tagged (/MarkInfo /Marked true, /StructTreeRoot) with a natural language (/Lang)",
}

// PDFA checks a PDF against PDFARules at the part and level its XMP
// metadata claims, and returns the problems, one line each; none for a
// good file, and an error for one that claims no PDF/A.
func PDFA(data []byte) ([]string, error) {
	pdfcpuOnce.Do(api.DisableConfigDir)
	ctx, err := api.ReadContext(bytes.NewReader(data), model.NewDefaultConfiguration())
	if err != nil {
		return nil, err
	}
	if err := ctx.EnsurePageCount(); err != nil {
		return nil, err
	}
	x := ctx.XRefTable
	var problems []string
	bad := func(format string, args ...any) {
		if len(problems) < 200 {
			problems = append(problems, fmt.Sprintf(format, args...))
		}
	}

	// 6.1.2, 6.1.3: the file's bytes.
	if !bytes.HasPrefix(data, []byte("%PDF-1.")) {
		bad("6.1.2: the header is not %%PDF-1.n")
	} else if nl := bytes.IndexAny(data, "\r\n"); nl < 0 || !binaryComment(data[nl:]) {
		bad("6.1.2: no comment of four bytes above 127 after the header")
	}
	if end := bytes.LastIndex(data, []byte("%%EOF")); end < 0 || len(bytes.Trim(data[end+5:], "\r\n")) > 0 {
		bad("6.1.3: data after the last %%%%EOF")
	}
	if len(x.ID) == 0 {
		bad("6.1.3: the trailer has no /ID")
	}
	if x.Encrypt != nil {
		bad("6.1.3: the file is encrypted")
	}

	cat, err := x.Catalog()
	if err != nil {
		return nil, err
	}
	// 6.6: the metadata and the claim.
	sd, _, _ := x.DereferenceStreamDict(cat["Metadata"])
	if sd == nil {
		return nil, fmt.Errorf("no XMP metadata: the file claims no PDF/A")
	}
	if sd.Dict["Filter"] != nil {
		bad("6.6.2.1: the XMP metadata stream is filtered")
	}
	if err := sd.Decode(); err != nil {
		return nil, err
	}
	meta := string(sd.Content)
	part, level := xmpValue(meta, "pdfaid:part"), xmpValue(meta, "pdfaid:conformance")
	if part == "" {
		return nil, fmt.Errorf("the XMP metadata has no pdfaid:part: the file claims no PDF/A")
	}
	if part != "2" && part != "3" {
		bad("6.6.4: pdfaid:part %q, not 2 or 3", part)
	}
	if level != "A" && level != "B" && level != "U" {
		bad("6.6.4: pdfaid:conformance %q, not A, B or U", level)
	}
	if header := regexp.MustCompile(`<\?xpacket begin=[^>]*\?>`).FindString(meta); strings.Contains(header, "bytes=") || strings.Contains(header, "encoding=") {
		bad("6.6.2.1: the XMP packet header has bytes or encoding")
	}
	if strings.Contains(meta, "pdfuaid:part") && !strings.Contains(meta, "<pdfaSchema:namespaceURI>http://www.aiim.org/pdfua/ns/id/</pdfaSchema:namespaceURI>") {
		bad("6.6.2.3.2: pdfuaid is used without an extension schema describing it")
	}
	pdfaInfo(x, meta, bad)

	// 6.2.2: the output intent.
	intents, _ := x.DereferenceArray(cat["OutputIntents"])
	intentSpace := ""
	for _, o := range intents {
		d, _ := x.DereferenceDict(o)
		if d == nil || d.NameEntry("S") == nil || *d.NameEntry("S") != "GTS_PDFA1" {
			continue
		}
		ps, _, _ := x.DereferenceStreamDict(d["DestOutputProfile"])
		if ps == nil {
			bad("6.2.2: the output intent has no /DestOutputProfile")
			continue
		}
		if err := ps.Decode(); err != nil {
			bad("6.2.2: the output profile cannot be decoded: %v", err)
			continue
		}
		p := ps.Content
		if len(p) < 128 || string(p[36:40]) != "acsp" || int(binary.BigEndian.Uint32(p)) != len(p) {
			bad("6.2.2: the output profile is no ICC profile")
			continue
		}
		if v := p[8]; v < 2 || v > 4 {
			bad("6.2.2: ICC profile version %d", v)
		}
		if class := string(p[12:16]); class != "mntr" && class != "prtr" && class != "scnr" && class != "spac" {
			bad("6.2.2: ICC profile class %q", class)
		}
		intentSpace = string(p[16:20])
		channels := map[string]int{"RGB ": 3, "CMYK": 4, "GRAY": 1}[intentSpace]
		if n := ps.Dict.IntEntry("N"); n == nil || *n != channels {
			bad("6.2.2: the output profile's /N does not match its colour space %q", intentSpace)
		}
	}
	if intentSpace == "" {
		bad("6.2.2: no PDF/A output intent with an ICC profile")
	}

	// Level A: tagged, with a language.
	if level == "A" {
		if mi, _ := x.DereferenceDict(cat["MarkInfo"]); mi == nil || mi.BooleanEntry("Marked") == nil || !*mi.BooleanEntry("Marked") {
			bad("6.7.2.2: level A without /MarkInfo <</Marked true>>")
		}
		if cat["StructTreeRoot"] == nil {
			bad("6.7.3: level A without a structure tree")
		}
		if lang, _ := x.DereferenceStringOrHexLiteral(cat["Lang"], model.V10, nil); lang == "" {
			bad("6.7.3.4: level A without a natural language (/Lang)")
		}
	}
	if cat["AA"] != nil {
		bad("6.5.2: the catalog has /AA")
	}

	// Every object.
	forbiddenActions := map[string]bool{"Launch": true, "Sound": true, "Movie": true, "ResetForm": true, "ImportData": true,
		"Hide": true, "SetOCGState": true, "Rendition": true, "Trans": true, "GoTo3DView": true, "JavaScript": true}
	allowedAnnots := map[string]bool{"Text": true, "Link": true, "FreeText": true, "Line": true, "Square": true, "Circle": true,
		"Polygon": true, "PolyLine": true, "Highlight": true, "Underline": true, "Squiggly": true, "StrikeOut": true, "Stamp": true,
		"Caret": true, "Ink": true, "Popup": true, "Widget": true, "PrinterMark": true, "TrapNet": true, "Watermark": true, "Redact": true}
	standardBlend := map[string]bool{"Normal": true, "Compatible": true, "Multiply": true, "Screen": true, "Overlay": true, "Darken": true,
		"Lighten": true, "ColorDodge": true, "ColorBurn": true, "HardLight": true, "SoftLight": true, "Difference": true,
		"Exclusion": true, "Hue": true, "Saturation": true, "Color": true, "Luminosity": true}
	usesSpace := map[string]bool{}
	var nums []int
	for n := range x.Table {
		nums = append(nums, n)
	}
	sort.Ints(nums)
	for _, n := range nums {
		e := x.Table[n]
		if e == nil || e.Free || e.Object == nil {
			continue
		}
		var d types.Dict
		var content []byte
		switch o := e.Object.(type) {
		case types.Dict:
			d = o
		case types.StreamDict:
			d = o.Dict
			for _, k := range []string{"F", "FFilter", "FDecodeParms"} {
				if o.Dict[k] != nil {
					bad("6.1.7: stream %d has /%s", n, k)
				}
			}
			if f := filterNames(o.Dict["Filter"]); strings.Contains(f, "LZWDecode") {
				bad("6.1.7: stream %d is LZW-compressed", n)
			}
			if o.Decode() == nil {
				content = o.Content
			}
		default:
			continue
		}
		limits(n, d, bad)
		typ, sub := nameOf(d, "Type"), nameOf(d, "Subtype")
		switch {
		case typ == "Annot" || d["Rect"] != nil && sub != "" && (d["F"] != nil || allowedAnnots[sub] || sub == "Movie" || sub == "Sound" || sub == "3D"):
			if !allowedAnnots[sub] {
				bad("6.3.1: annotation %d of the forbidden kind %s", n, sub)
			}
			f := 0
			if i := d.IntEntry("F"); i != nil {
				f = *i
			}
			if sub != "Popup" && (f&4 == 0 || f&(1|2|32|256) != 0) {
				bad("6.3.2: annotation %d has /F %d (Print must be set; Hidden, Invisible, NoView and ToggleNoView clear)", n, f)
			}
			if d["AA"] != nil {
				bad("6.5.2: annotation %d has /AA", n)
			}
		case sub == "Image":
			if d["Alternates"] != nil || d["OPI"] != nil {
				bad("6.2.8: image %d has /Alternates or /OPI", n)
			}
			if b := d.BooleanEntry("Interpolate"); b != nil && *b {
				bad("6.2.8: image %d has /Interpolate true", n)
			}
			usesSpace[spaceOf(x, d["ColorSpace"])] = true
		case sub == "PS" || nameOf(d, "Subtype2") == "PS":
			bad("6.2.9: PostScript XObject %d", n)
		case sub == "Form":
			if d["OPI"] != nil || d["Ref"] != nil {
				bad("6.2.9: form XObject %d has /OPI or /Ref", n)
			}
		case typ == "ExtGState":
			if d["TR"] != nil || d["HTP"] != nil {
				bad("6.2.10: graphics state %d has /TR or /HTP", n)
			}
			if bm := nameOf(d, "BM"); bm != "" && !standardBlend[bm] {
				bad("6.2.10: graphics state %d has blend mode %s", n, bm)
			}
		case typ == "Font" && (sub == "Type1" || sub == "TrueType" || sub == "CIDFontType0" || sub == "CIDFontType2" || sub == "Type0"):
			pdfaFont(x, n, d, sub, level, bad)
		case typ == "Page":
			if d["AA"] != nil {
				bad("6.5.2: page %d has /AA", n)
			}
		}
		if s := nameOf(d, "S"); d["S"] != nil && (typ == "Action" || d["URI"] != nil || d["D"] != nil || forbiddenActions[s]) && forbiddenActions[s] {
			bad("6.5.1: action %d of the forbidden kind %s", n, s)
		}
		if d["JS"] != nil {
			bad("6.5.1: object %d holds JavaScript", n)
		}
		if len(content) > 0 && (sub == "" || sub == "Form") && typ != "Metadata" && d["Length1"] == nil && d["N"] == nil {
			for _, op := range [][]byte{[]byte(" rg\n"), []byte(" RG\n"), []byte(" rg "), []byte(" RG ")} {
				if bytes.Contains(content, op) {
					usesSpace["DeviceRGB"] = true
				}
			}
			for _, op := range [][]byte{[]byte(" k\n"), []byte(" K\n"), []byte(" k "), []byte(" K ")} {
				if bytes.Contains(content, op) {
					usesSpace["DeviceCMYK"] = true
				}
			}
		}
	}
	if usesSpace["DeviceRGB"] && intentSpace != "RGB " {
		bad("6.2.4.3: DeviceRGB is used without an RGB output intent")
	}
	if usesSpace["DeviceCMYK"] && intentSpace != "CMYK" {
		bad("6.2.4.3: DeviceCMYK is used without a CMYK output intent")
	}
	return problems, nil
}

func binaryComment(rest []byte) bool {
	rest = bytes.TrimLeft(rest, "\r\n")
	if len(rest) < 5 || rest[0] != '%' {
		return false
	}
	for _, c := range rest[1:5] {
		if c <= 127 {
			return false
		}
	}
	return true
}

func nameOf(d types.Dict, key string) string {
	if n := d.NameEntry(key); n != nil {
		return *n
	}
	return ""
}

func filterNames(o types.Object) string {
	switch f := o.(type) {
	case types.Name:
		return string(f)
	case types.Array:
		var out []string
		for _, e := range f {
			if n, ok := e.(types.Name); ok {
				out = append(out, string(n))
			}
		}
		return strings.Join(out, " ")
	}
	return ""
}

func spaceOf(x *model.XRefTable, o types.Object) string {
	o, _ = x.Dereference(o)
	switch s := o.(type) {
	case types.Name:
		return string(s)
	case types.Array:
		if len(s) > 0 {
			if n, ok := s[0].(types.Name); ok {
				return string(n)
			}
		}
	}
	return ""
}

// limits checks a dictionary's names and integers (6.1.13).
func limits(n int, d types.Dict, bad func(string, ...any)) {
	var walk func(o types.Object, depth int)
	walk = func(o types.Object, depth int) {
		if depth > 32 {
			return
		}
		switch v := o.(type) {
		case types.Name:
			if len(v) > 127 {
				bad("6.1.13: object %d has a name of %d bytes", n, len(v))
			}
		case types.Integer:
			if int64(v) > 1<<31-1 || int64(v) < -(1<<31) {
				bad("6.1.13: object %d has the integer %d", n, v)
			}
		case types.Array:
			for _, e := range v {
				walk(e, depth+1)
			}
		case types.Dict:
			for k, e := range v {
				if len(k) > 127 {
					bad("6.1.13: object %d has a key of %d bytes", n, len(k))
				}
				walk(e, depth+1)
			}
		}
	}
	walk(d, 0)
}

// pdfaFont checks a font dictionary (6.2.11).
func pdfaFont(x *model.XRefTable, n int, d types.Dict, sub, level string, bad func(string, ...any)) {
	if sub == "Type0" {
		if (level == "A" || level == "U") && d["ToUnicode"] == nil {
			bad("6.2.11.7: font %d has no ToUnicode map", n)
		}
		return // its descendant is checked on its own
	}
	fd, _ := x.DereferenceDict(d["FontDescriptor"])
	if fd == nil || fd["FontFile"] == nil && fd["FontFile2"] == nil && fd["FontFile3"] == nil {
		bad("6.2.11.4.1: font %d (%s) is not embedded", n, sub)
	}
	if sub == "CIDFontType2" && d["CIDToGIDMap"] == nil {
		bad("6.2.11.3.2: CIDFontType2 %d has no /CIDToGIDMap", n)
	}
	if (sub == "Type1" || sub == "TrueType") && (level == "A" || level == "U") && d["ToUnicode"] == nil && d["Encoding"] == nil {
		bad("6.2.11.7: font %d has neither ToUnicode nor an encoding", n)
	}
}

var xmpTag = map[string]*regexp.Regexp{}

// xmpValue returns the text of an XMP property: a simple value, or the
// first item of its Alt, Seq or Bag.
func xmpValue(meta, prop string) string {
	re, ok := xmpTag[prop]
	if !ok {
		re = regexp.MustCompile(`(?s)<` + regexp.QuoteMeta(prop) + `>(.*?)</` + regexp.QuoteMeta(prop) + `>`)
		xmpTag[prop] = re
	}
	m := re.FindStringSubmatch(meta)
	if m == nil {
		return ""
	}
	v := m[1]
	if li := regexp.MustCompile(`(?s)<rdf:li[^>]*>(.*?)</rdf:li>`).FindStringSubmatch(v); li != nil {
		v = li[1]
	}
	r := strings.NewReplacer("&amp;", "&", "&lt;", "<", "&gt;", ">", "&quot;", `"`, "&apos;", "'")
	return r.Replace(v)
}

// pdfaInfo checks the document information against the XMP (6.6.2.3).
func pdfaInfo(x *model.XRefTable, meta string, bad func(string, ...any)) {
	if x.Info == nil {
		return
	}
	info, _ := x.DereferenceDict(*x.Info)
	if info == nil {
		return
	}
	for key, prop := range map[string]string{"Title": "dc:title", "Author": "dc:creator", "Subject": "dc:description",
		"Keywords": "pdf:Keywords", "Creator": "xmp:CreatorTool", "Producer": "pdf:Producer"} {
		if info[key] == nil {
			continue
		}
		v, err := x.DereferenceText(info[key])
		if err != nil {
			bad("6.6.2.3: /%s cannot be read: %v", key, err)
			continue
		}
		if got := xmpValue(meta, prop); got != v {
			bad("6.6.2.3: /%s %q but %s %q", key, v, prop, got)
		}
		if key == "Author" && strings.Count(meta, "<rdf:li>") > 0 && regexp.MustCompile(`(?s)<dc:creator>.*?<rdf:li>.*?<rdf:li>.*?</dc:creator>`).MatchString(meta) {
			bad("6.6.2.3: dc:creator has several items; /Author is one")
		}
	}
	for key, prop := range map[string]string{"CreationDate": "xmp:CreateDate", "ModDate": "xmp:ModifyDate"} {
		if info[key] == nil {
			continue
		}
		v, _ := x.DereferenceText(info[key])
		pdfTime, ok := types.DateTime(v, false)
		xmpTime, err := time.Parse(time.RFC3339, xmpValue(meta, prop))
		if !ok || err != nil || !pdfTime.Equal(xmpTime) {
			bad("6.6.2.3: /%s %q but %s %q", key, v, prop, xmpValue(meta, prop))
		}
	}
}
