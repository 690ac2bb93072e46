package driver

import (
	"bytes"
	"crypto/sha256"
	"encoding/gob"
	"encoding/hex"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"sync"
	"time"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/packages"
	"golang.org/x/tools/go/types/objectpath"

	"github.com/resplint/resplint/internal/pkgload"
	"github.com/resplint/resplint/internal/unit"
)

// A factCache keeps, between runs, the facts that analyzers export about
// third-party packages. A module version's source never changes, so a
// run that finds the facts of such a package needs neither its syntax nor
// the analyzers' passes over it: its types come from export data, and its
// facts from the cache. The cache lives in $RESPLINT_CACHE, or in
// resplint/facts under the user's cache directory; RESPLINT_CACHE=off
// turns it off, and a relative path is an error. Deleting it is always
// safe.
//
// An entry is a file per analyzer and package, named by a hash of
// everything its facts may depend on: the entry format, the analyzers
// (the executable and their flags), the package's module version, compiled files and export
// data, and the same for each dependency in turn. It holds a checksum of
// its facts (see encodeEntry), checked on every read. Entries no run used
// for 30 days are deleted (see trim). With a cache program, entries are
// shared with other machines (see sharedCache).
type factCache struct {
	dir       string
	salt      []byte
	immutable *pkgload.Immutable
	shared    *sharedCache // nil without a cache program
}

// factCacheDir returns the directory of the cache, or "" for none. Like
// the go command with GOCACHE, it refuses a relative $RESPLINT_CACHE: it
// would put a cache in each directory resplint is run from, inside the
// module it analyses.
func factCacheDir() (string, error) {
	dir := os.Getenv("RESPLINT_CACHE")
	switch {
	case dir == "off":
		return "", nil
	case dir == "":
		base, err := os.UserCacheDir()
		if err != nil {
			return "", nil
		}
		return filepath.Join(base, "resplint", "facts"), nil
	case !filepath.IsAbs(dir):
		return "", fmt.Errorf("RESPLINT_CACHE is not an absolute path: %q; set it to an absolute path, or to off for no cache", dir)
	}
	return dir, nil
}

// openFactCache returns the cache in dir for analyzers, or nil if there
// is none.
func openFactCache(dir string, analyzers []*analysis.Analyzer) *factCache {
	if dir == "" {
		return nil
	}
	immutable, err := pkgload.ImmutableDirs("", nil)
	if err != nil {
		return nil
	}
	exe, err := executableHash(dir)
	if err != nil {
		return nil
	}
	h := sha256.New()
	h.Write([]byte(entryMagic))
	h.Write(exe)
	for _, a := range unit.Closure(analyzers) {
		fmt.Fprintf(h, "analyzer %s\n", a.Name)
		a.Flags.VisitAll(func(f *flag.Flag) { fmt.Fprintf(h, "-%s=%s\n", f.Name, f.Value) })
	}
	return &factCache{dir: dir, salt: h.Sum(nil), immutable: immutable}
}

// executableHash returns the SHA-256 of the running executable. Hashing
// a binary of a dozen megabytes costs a tenth of a second of CPU, a good
// part of a run with warm caches, so the hash is kept in the cache's exe
// directory under the executable's name, size and modification time,
// which go install and go build change.
func executableHash(dir string) ([]byte, error) {
	exe, err := os.Executable()
	if err != nil {
		return nil, err
	}
	fi, err := os.Stat(exe)
	if err != nil {
		return nil, err
	}
	id := sha256.Sum256(fmt.Appendf(nil, "%s\n%d\n%d", exe, fi.Size(), fi.ModTime().UnixNano()))
	memo := filepath.Join(dir, "exe", hex.EncodeToString(id[:]))
	if sum, err := os.ReadFile(memo); err == nil && len(sum) == sha256.Size {
		touch(memo)
		return sum, nil
	}
	f, err := os.Open(exe)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	h := sha256.New()
	if _, err := io.Copy(h, f); err != nil {
		return nil, err
	}
	sum := h.Sum(nil)
	writeAtomic(memo, sum) // if it fails, the next run hashes again
	return sum, nil
}

// mayHold reports whether the cache may hold the facts of p: a package of
// a module with a version whose files are all in the module or build
// cache. A module replaced by a directory, or vendored, may be edited.
func (c *factCache) mayHold(p *packages.Package) bool {
	if p.Module == nil || p.Module.Version == "" || len(p.CompiledGoFiles) == 0 {
		return false
	}
	return !slices.ContainsFunc(p.CompiledGoFiles, func(name string) bool { return !c.immutable.Contains(name) })
}

// keys returns the cache key of each package of candidates whose facts
// may be cached, computed over the import graph. A package with errors
// has no key, nor has one that imports such a package.
func (c *factCache) keys(candidates map[*packages.Package]bool) map[*packages.Package]string {
	keys := make(map[*packages.Package]string)
	var key func(p *packages.Package) string
	key = func(p *packages.Package) string {
		if k, ok := keys[p]; ok {
			return k
		}
		keys[p] = "" // no key while it is being computed: an import cycle is an error anyway
		if len(p.Errors) > 0 || p.ExportFile == "" && p.PkgPath != "unsafe" {
			return ""
		}
		h := sha256.New()
		h.Write(c.salt)
		fmt.Fprintf(h, "%s\n%s\n", p.ID, p.ExportFile)
		if candidates[p] {
			fmt.Fprintf(h, "%s@%s\n", p.Module.Path, p.Module.Version)
			for _, f := range p.CompiledGoFiles {
				fmt.Fprintf(h, "file %s\n", f)
			}
			paths := slices.Sorted(maps.Keys(p.Imports))
			for _, path := range paths {
				k := key(p.Imports[path])
				if k == "" {
					return ""
				}
				fmt.Fprintf(h, "import %s %s\n", path, k)
			}
		}
		keys[p] = hex.EncodeToString(h.Sum(nil))
		return keys[p]
	}
	for p := range candidates {
		key(p)
	}
	maps.DeleteFunc(keys, func(p *packages.Package, k string) bool { return !candidates[p] || k == "" })
	return keys
}

// file returns the name of the entry of analyzer a for the package with key.
func (c *factCache) file(a *analysis.Analyzer, key string) string {
	sum := sha256.Sum256([]byte(a.Name + "\n" + key))
	name := hex.EncodeToString(sum[:])
	return filepath.Join(c.dir, name[:2], name)
}

// read returns the entries of every analyzer of factful for the package
// with key, if the cache (or the cache program) holds them all and each
// is intact, and marks them used; one from the program is kept locally.
// An entry that is not intact (a file cut short, a flipped bit) is a
// miss: the package is analysed from source and the entry written anew.
func (c *factCache) read(factful []*analysis.Analyzer, key string) map[*analysis.Analyzer][]factRecord {
	entries := make(map[*analysis.Analyzer][]factRecord)
	for _, a := range factful {
		name := c.file(a, key)
		data, err := os.ReadFile(name)
		local := err == nil
		if !local {
			var ok bool
			if data, ok = c.shared.get(a, key); !ok {
				return nil
			}
		}
		recs, err := decodeEntry(data)
		if err != nil {
			return nil
		}
		entries[a] = recs
		if local {
			touch(name)
		} else {
			writeAtomic(name, data)
		}
	}
	return entries
}

// entryMagic begins every entry. Changing the format changes it, and the
// cache keys with it (see openFactCache), so that no entry is read as
// another format.
const entryMagic = "resplint facts 2\n"

// encodeEntry returns the entry holding recs: entryMagic, the SHA-256 of
// the payload, then the payload, recs in gob. The sum lets a read tell a
// damaged entry from a good one, which gob alone cannot: most corrupt
// bytes still decode, to facts that say something else.
func encodeEntry(recs []factRecord) ([]byte, error) {
	var payload bytes.Buffer
	if err := gob.NewEncoder(&payload).Encode(recs); err != nil {
		return nil, err
	}
	sum := sha256.Sum256(payload.Bytes())
	data := append([]byte(entryMagic), sum[:]...)
	return append(data, payload.Bytes()...), nil
}

// A verifiedFact is a fact that can tell whether it is well formed, as a
// fact holding data packed in its own format can.
type verifiedFact interface {
	analysis.Fact
	Verify() error
}

// decodeEntry returns the facts of an entry, or an error if it is not one
// encodeEntry wrote or a fact in it is not well formed.
func decodeEntry(data []byte) ([]factRecord, error) {
	rest, ok := bytes.CutPrefix(data, []byte(entryMagic))
	if !ok || len(rest) < sha256.Size {
		return nil, fmt.Errorf("not a fact cache entry")
	}
	payload := rest[sha256.Size:]
	if sum := sha256.Sum256(payload); !bytes.Equal(sum[:], rest[:sha256.Size]) {
		return nil, fmt.Errorf("checksum mismatch")
	}
	var recs []factRecord
	if err := gob.NewDecoder(bytes.NewReader(payload)).Decode(&recs); err != nil {
		return nil, err
	}
	for _, r := range recs {
		if r.Fact == nil {
			return nil, fmt.Errorf("no fact for %q", r.Path)
		}
		if v, ok := r.Fact.(verifiedFact); ok {
			if err := v.Verify(); err != nil {
				return nil, err
			}
		}
	}
	return recs, nil
}

// touch marks a file of the cache used now, if it was last marked more
// than an hour ago (see trim).
func touch(name string) {
	now := time.Now()
	if fi, err := os.Stat(name); err == nil && now.Sub(fi.ModTime()) > time.Hour {
		os.Chtimes(name, now, now)
	}
}

// writeAtomic writes data to the file name, creating its directory, so
// that a reader never sees part of it.
func writeAtomic(name string, data []byte) error {
	if err := os.MkdirAll(filepath.Dir(name), 0o777); err != nil {
		return err
	}
	tmp, err := os.CreateTemp(filepath.Dir(name), "tmp-")
	if err != nil {
		return err
	}
	_, err = tmp.Write(data)
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(tmp.Name(), name)
	}
	if err != nil {
		os.Remove(tmp.Name())
	}
	return err
}

// close stops the cache program, if any, and trims the cache.
func (c *factCache) close() {
	c.shared.close()
	c.trim()
}

// Entries unused for trimAge are deleted, at most once per trimEvery.
const (
	trimAge   = 30 * 24 * time.Hour
	trimEvery = 24 * time.Hour
)

// trim deletes the entries no run has used for trimAge, as the go
// command trims its build cache, so that the cache does not grow without
// bound as module versions come and go. The time of the last trim is that
// of the file "trimmed".
func (c *factCache) trim() {
	marker := filepath.Join(c.dir, "trimmed")
	now := time.Now()
	if fi, err := os.Stat(marker); err == nil && now.Sub(fi.ModTime()) < trimEvery {
		return
	}
	if err := os.MkdirAll(c.dir, 0o777); err != nil || os.WriteFile(marker, nil, 0o666) != nil {
		return
	}
	filepath.WalkDir(c.dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || path == marker {
			return nil
		}
		if fi, err := d.Info(); err == nil && now.Sub(fi.ModTime()) > trimAge {
			os.Remove(path)
		}
		return nil
	})
}

// A factRecord is one fact in an entry: about the object at Path in the
// package, or about the package itself if Path is empty.
type factRecord struct {
	Path objectpath.Path
	Fact analysis.Fact
}

// export exports, in pass, the facts of an entry read for its package.
func export(pass *analysis.Pass, recs []factRecord) {
	for _, r := range recs {
		if r.Path == "" {
			pass.ExportPackageFact(r.Fact)
			continue
		}
		// Export data holds only what importers may see; a fact about
		// anything else (an unexported type, say) is of no use to them.
		if obj, err := objectpath.Object(pass.Pkg, r.Path); err == nil {
			pass.ExportObjectFact(obj, r.Fact)
		}
	}
}

// store writes the facts that pass exported about its package. Facts
// about objects that other packages cannot name are not kept, as in the
// facts go vet passes between packages.
func (c *factCache) store(pass *analysis.Pass, key string) {
	var recs []factRecord
	var enc objectpath.Encoder
	for _, f := range pass.AllObjectFacts() {
		if f.Object.Pkg() != pass.Pkg {
			continue
		}
		if path, err := enc.For(f.Object); err == nil {
			recs = append(recs, factRecord{path, f.Fact})
		}
	}
	for _, f := range pass.AllPackageFacts() {
		if f.Package == pass.Pkg {
			recs = append(recs, factRecord{"", f.Fact})
		}
	}
	data, err := encodeEntry(recs)
	if err != nil {
		return // a fact gob cannot encode: go without the cache
	}
	writeAtomic(c.file(pass.Analyzer, key), data)
	c.shared.put(pass.Analyzer, key, data)
}

// cachedPackages holds, for the packages of the runs under way, what the
// analyzers that use facts do with the cache: a process-wide table,
// because analyzers are changed in place (see Prepare) and a pass knows
// its package only by its types.
var cachedPackages sync.Map // *types.Package -> *cachedPackage

type cachedPackage struct {
	cache *factCache
	key   string
	// entries holds its facts, by analyzer, when they are in the cache;
	// such a package has no syntax.
	entries map[*analysis.Analyzer][]factRecord
}

func (cp *cachedPackage) isHit() bool { return cp != nil && cp.entries != nil }

// noFacts reports whether cp is a hit with no facts at all, as most
// third-party packages are: analysing it would export nothing.
func (cp *cachedPackage) noFacts() bool {
	if !cp.isHit() {
		return false
	}
	for _, recs := range cp.entries {
		if len(recs) > 0 {
			return false
		}
	}
	return true
}

// withFactCache wraps run, the Run function of an analyzer that uses
// facts: on a package whose facts are cached it exports them instead of
// running, and on one whose facts may be cached it stores them after.
func withFactCache(a *analysis.Analyzer, run func(*analysis.Pass) (any, error)) func(*analysis.Pass) (any, error) {
	for _, f := range a.FactTypes {
		gob.Register(f)
	}
	return func(pass *analysis.Pass) (any, error) {
		v, ok := cachedPackages.Load(pass.Pkg)
		if !ok {
			return run(pass)
		}
		cp := v.(*cachedPackage)
		if cp.isHit() {
			var zero any
			if a.ResultType != nil {
				zero = reflect.Zero(a.ResultType).Interface()
			}
			export(pass, cp.entries[a])
			return zero, nil
		}
		res, err := run(pass)
		if err == nil {
			cp.cache.store(pass, cp.key)
		}
		return res, err
	}
}
