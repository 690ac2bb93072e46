package driver

import (
	"os"

	"golang.org/x/tools/go/packages"
)

// aloneSize is the size of source from which a package is type-checked
// and analysed alone: its syntax, type information and inspector take
// tens of megabytes (andybalholm/brotli's 2.4 MB of tables, about 110 MB),
// and two of them at once set the peak of a run.
const aloneSize = 1 << 20

// exclusive reports whether p is large enough to be processed alone.
func exclusive(p *packages.Package) bool {
	var size int64
	for _, name := range p.CompiledGoFiles {
		if fi, err := os.Stat(name); err == nil {
			size += fi.Size()
		}
	}
	return size >= aloneSize
}
