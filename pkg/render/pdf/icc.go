package pdf

import (
	"encoding/binary"
	"math"
	"sync"
)

// The sRGB colour profile that a PDF/A file's output intent embeds. galley
// writes it itself, from the published definition of sRGB (IEC
// 61966-2-1: its primaries adapted to the D50 white of the ICC's
// connection space by the Bradford transform, and its transfer curve), as
// an ICC version 2 display profile: no third party's profile is shipped,
// and the bytes are the same on every machine. It is galley's, under
// galley's licence.

// srgbProfile returns the profile's bytes.
var srgbProfile = sync.OnceValue(func() []byte {
	type tag struct {
		sig  string
		data []byte
	}
	be := binary.BigEndian
	s15 := func(v float64) []byte {
		return be.AppendUint32(nil, uint32(int32(math.Round(v*65536))))
	}
	xyz := func(x, y, z float64) []byte {
		b := append([]byte("XYZ "), 0, 0, 0, 0)
		for _, v := range []float64{x, y, z} {
			b = append(b, s15(v)...)
		}
		return b
	}
	// The transfer curve, sampled at 1,024 points.
	curve := append([]byte("curv"), 0, 0, 0, 0)
	const n = 1024
	curve = be.AppendUint32(curve, n)
	for i := range n {
		v := float64(i) / (n - 1)
		if v <= 0.04045 {
			v /= 12.92
		} else {
			v = math.Pow((v+0.055)/1.055, 2.4)
		}
		curve = be.AppendUint16(curve, uint16(math.Round(v*65535)))
	}
	text := func(s string) []byte {
		return append(append([]byte("text\x00\x00\x00\x00"), s...), 0)
	}
	desc := func(s string) []byte {
		b := append([]byte("desc"), 0, 0, 0, 0)
		b = be.AppendUint32(b, uint32(len(s)+1))
		b = append(append(b, s...), 0)
		b = append(b, make([]byte, 4+4+2+1+67)...) // no Unicode, no ScriptCode description
		return b
	}
	tags := []tag{
		{"desc", desc("sRGB IEC61966-2.1 (galley)")},
		{"cprt", text("No copyright: the sRGB definition of IEC 61966-2-1, written by galley")},
		{"wtpt", xyz(0.9642, 1.0, 0.8249)},
		{"rXYZ", xyz(0.4360747, 0.2225045, 0.0139322)},
		{"gXYZ", xyz(0.3850649, 0.7168786, 0.0971045)},
		{"bXYZ", xyz(0.1430804, 0.0606169, 0.7141733)},
		{"rTRC", curve},
		{"gTRC", curve},
		{"bTRC", curve},
	}
	// The header (128 bytes), the tag table, then the tags' data, each
	// at a multiple of four; the three curves share theirs.
	table := 128 + 4 + 12*len(tags)
	offsets := make([]int, len(tags))
	var data []byte
	for i, t := range tags {
		if i > 0 && t.sig[1:] == "TRC" && tags[i-1].sig[1:] == "TRC" {
			offsets[i] = offsets[i-1]
			continue
		}
		offsets[i] = table + len(data)
		data = append(data, t.data...)
		for len(data)%4 != 0 {
			data = append(data, 0)
		}
	}
	size := table + len(data)
	p := make([]byte, 0, size)
	p = be.AppendUint32(p, uint32(size))
	p = append(p, 0, 0, 0, 0)          // preferred CMM: none
	p = be.AppendUint32(p, 0x02100000) // version 2.1
	p = append(p, "mntrRGB XYZ "...)   // a display; RGB; XYZ connection space
	for _, v := range []uint16{2026, 1, 1, 0, 0, 0} {
		p = be.AppendUint16(p, v) // date: fixed
	}
	p = append(p, "acsp"...)
	p = append(p, make([]byte, 4+4+4+4+8)...) // platform, flags, maker, model, attributes
	p = be.AppendUint32(p, 0)                 // rendering intent: perceptual
	p = append(p, s15(0.9642)...)             // the connection space's white, D50
	p = append(p, s15(1.0)...)
	p = append(p, s15(0.8249)...)
	p = append(p, make([]byte, 4+16+28)...) // creator, profile ID (version 4 only), reserved
	p = be.AppendUint32(p, uint32(len(tags)))
	for i, t := range tags {
		p = append(p, t.sig...)
		p = be.AppendUint32(p, uint32(offsets[i]))
		p = be.AppendUint32(p, uint32(len(t.data)))
	}
	return append(p, data...)
})
