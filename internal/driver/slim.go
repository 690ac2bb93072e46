package driver

import (
	"encoding/binary"
)

// The sections of unified export data (golang.org/x/tools/internal/pkgbits,
// cmd/compile/internal/noder), in the order of its header.
const (
	relocString = iota
	relocMeta
	relocPosBase
	relocPkg
	relocName
	relocType
	relocObj
	relocObjExt
	relocObjDict
	relocBody
	numRelocs
)

// slimExport returns export data in the unified format (data, which
// starts with its format byte 'u') with what an importer of types never reads left out: the
// elements of the sections the compiler alone reads (relocObjExt and
// relocBody: the bodies of inlinable functions and what links them), and
// the strings only they refer to, each made empty, so that every index
// stays the same. The importer keeps its input whole (the names of the
// objects it makes point into it), so what is left out is memory saved
// for as long as the package's types are kept.
//
// It returns data itself if it cannot read it as the format it knows
// (another version, or sync markers, which only a compiler built for
// debugging writes).
func slimExport(data []byte) []byte {
	if len(data) == 0 || data[0] != 'u' {
		return data
	}
	if slim := slimUnified(data[1:]); slim != nil {
		return slim
	}
	return data
}

// slimUnified returns the export data u, without its format byte, as
// slimExport does, with the format byte; nil if it cannot read u.
func slimUnified(u []byte) []byte {
	const (
		v1              = 1 // adds the flags word
		numVersions     = 6
		flagSyncMarkers = 1 << 0
		fingerprintSize = 8
	)
	if len(u) < 4 {
		return nil
	}
	ver := binary.LittleEndian.Uint32(u)
	if ver >= numVersions {
		return nil
	}
	off := 4
	if ver >= v1 {
		if len(u) < off+4 || binary.LittleEndian.Uint32(u[off:])&flagSyncMarkers != 0 {
			return nil
		}
		off += 4
	}
	if len(u) < off+4*numRelocs {
		return nil
	}
	var endsEnds [numRelocs]uint32
	for i := range endsEnds {
		endsEnds[i] = binary.LittleEndian.Uint32(u[off:])
		off += 4
	}
	n := int(endsEnds[numRelocs-1])
	if n < 0 || len(u) < off+4*n {
		return nil
	}
	ends := make([]uint32, n)
	for i := range ends {
		ends[i] = binary.LittleEndian.Uint32(u[off:])
		off += 4
	}
	elems := u[off:]
	if n == 0 || len(elems) != int(ends[n-1])+fingerprintSize {
		return nil
	}
	for k := 1; k < numRelocs; k++ {
		if endsEnds[k] < endsEnds[k-1] {
			return nil
		}
	}
	for i := 1; i < n; i++ {
		if ends[i] < ends[i-1] {
			return nil
		}
	}
	elem := func(abs int) []byte {
		start := uint32(0)
		if abs > 0 {
			start = ends[abs-1]
		}
		return elems[start:ends[abs]]
	}
	section := func(k int) (int, int) {
		start := 0
		if k > 0 {
			start = int(endsEnds[k-1])
		}
		return start, int(endsEnds[k])
	}

	// The strings the kept elements refer to, through the relocations
	// each element starts with.
	strStart, strEnd := section(relocString)
	used := make([]bool, strEnd-strStart)
	for k := relocMeta; k < numRelocs; k++ {
		if k == relocObjExt || k == relocBody {
			continue
		}
		start, end := section(k)
		for abs := start; abs < end; abs++ {
			e := elem(abs)
			count, ok := uvarint(&e)
			if !ok {
				return nil
			}
			for range count {
				kind, ok1 := uvarint(&e)
				idx, ok2 := uvarint(&e)
				if !ok1 || !ok2 {
					return nil
				}
				if kind == relocString {
					if idx >= uint64(len(used)) {
						return nil
					}
					used[idx] = true
				}
			}
		}
	}

	keep := func(abs int) bool {
		switch {
		case abs < strEnd:
			return used[abs-strStart]
		case abs >= int(endsEnds[relocObjExt-1]) && abs < int(endsEnds[relocObjExt]):
			return false
		case abs >= int(endsEnds[relocBody-1]):
			return false
		}
		return true
	}
	newEnds := make([]uint32, n)
	size := uint32(0)
	for abs := range n {
		if keep(abs) {
			size += uint32(len(elem(abs)))
		}
		newEnds[abs] = size
	}
	head := u[:off-4*n]
	out := make([]byte, 0, 1+len(head)+4*n+int(size)+fingerprintSize)
	out = append(out, 'u')
	out = append(out, head...)
	for _, e := range newEnds {
		out = binary.LittleEndian.AppendUint32(out, e)
	}
	for abs := range n {
		if keep(abs) {
			out = append(out, elem(abs)...)
		}
	}
	return append(out, elems[len(elems)-fingerprintSize:]...)
}

// uvarint reads an unsigned varint from the start of *b.
func uvarint(b *[]byte) (uint64, bool) {
	x, n := binary.Uvarint(*b)
	if n <= 0 {
		return 0, false
	}
	*b = (*b)[n:]
	return x, true
}
