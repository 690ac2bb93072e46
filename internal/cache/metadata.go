package cache

import (
	"bytes"
	"fmt"
	"go/parser"
	"go/token"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"golang.org/x/tools/go/packages"

	"github.com/resplint/resplint/internal/pkgload"
)

// A view is the metadata of the packages loaded in one module, and what
// it was computed from, to tell when go list must run again.
type view struct {
	root     string
	dirs     map[string]bool                // directories loaded, as patterns
	hashes   map[string]string              // workspace Go file -> hash of the content go list saw
	headers  map[string]string              // workspace Go file -> its header (see header)
	cgo      map[string]bool                // workspace Go files that cgo generates compiled files from
	listings map[string]string              // workspace package directory -> its Go file names
	modFiles map[string]fingerprint         // go.mod, go.sum, go.work -> their state
	byFile   map[string][]*packages.Package // file -> the packages that compile it
}

// fingerprint identifies a version of a file without reading it.
type fingerprint struct {
	size  int64
	mtime time.Time
}

func stat(name string) fingerprint {
	fi, err := os.Stat(name)
	if err != nil {
		return fingerprint{size: -1}
	}
	return fingerprint{fi.Size(), fi.ModTime()}
}

func (c *Cache) loadEnv(dir string) error {
	if c.env != nil {
		return nil
	}
	env, err := pkgload.ImmutableDirs(dir, c.opts.Env)
	if err != nil {
		return err
	}
	c.env = env
	return nil
}

// moduleRoot returns the directory of the go.mod file that governs dir, or
// dir itself when there is none.
func moduleRoot(dir string) string {
	for d := dir; ; {
		if _, err := os.Stat(filepath.Join(d, "go.mod")); err == nil {
			return d
		}
		parent := filepath.Dir(d)
		if parent == d {
			return dir
		}
		d = parent
	}
}

// metadata returns, for each module root of files, a view covering the
// directories of files, loading it anew when it is missing or stale.
func (r *run) metadata(files []string) ([]*view, error) {
	if len(files) == 0 {
		return nil, nil
	}
	if err := r.c.loadEnv(filepath.Dir(files[0])); err != nil {
		return nil, err
	}
	byRoot := make(map[string]map[string]bool)
	for _, f := range files {
		dir := filepath.Dir(f)
		root := moduleRoot(dir)
		if byRoot[root] == nil {
			byRoot[root] = make(map[string]bool)
		}
		byRoot[root][dir] = true
	}
	var views []*view
	for _, root := range slices.Sorted(maps.Keys(byRoot)) {
		dirs := byRoot[root]
		v := r.c.views[root]
		if v == nil || !subset(dirs, v.dirs) || r.stale(v) {
			var err error
			if v, err = r.load(root, dirs); err != nil {
				return nil, err
			}
			r.c.views[root] = v
			r.reloaded++
		}
		views = append(views, v)
	}
	for root := range r.c.views {
		if byRoot[root] == nil {
			delete(r.c.views, root)
		}
	}
	return views, nil
}

func subset(a, b map[string]bool) bool {
	for k := range a {
		if !b[k] {
			return false
		}
	}
	return true
}

// load runs go list on dirs in root.
func (r *run) load(root string, dirs map[string]bool) (*view, error) {
	patterns := slices.Sorted(maps.Keys(dirs))
	cfg := &packages.Config{
		Mode:       pkgload.MetaMode,
		Context:    r.ctx,
		Dir:        root,
		Env:        r.c.opts.Env,
		BuildFlags: r.c.opts.BuildFlags,
		Tests:      r.c.opts.Tests,
		Overlay:    r.overlay,
	}
	v := &view{
		root:     root,
		dirs:     dirs,
		hashes:   make(map[string]string),
		headers:  make(map[string]string),
		cgo:      make(map[string]bool),
		listings: make(map[string]string),
		modFiles: make(map[string]fingerprint),
		byFile:   make(map[string][]*packages.Package),
	}
	for _, name := range modFiles(root) {
		v.modFiles[name] = stat(name)
	}
	pkgs, err := packages.Load(cfg, patterns...)
	if err != nil {
		return nil, err
	}
	packages.Visit(pkgs, nil, func(p *packages.Package) {
		for _, f := range slices.Concat(p.GoFiles, p.CompiledGoFiles) {
			if !slices.Contains(v.byFile[f], p) {
				v.byFile[f] = append(v.byFile[f], p)
			}
		}
		if len(p.GoFiles) == 0 || r.c.env.Contains(p.GoFiles[0]) {
			return
		}
		v.listings[filepath.Dir(p.GoFiles[0])] = ""
		for _, f := range slices.Concat(p.GoFiles, p.IgnoredFiles) {
			if _, ok := v.hashes[f]; ok || !strings.HasSuffix(f, ".go") {
				continue
			}
			content, hash, err := r.read(f)
			if err != nil {
				continue // go list has reported it
			}
			v.hashes[f] = hash
			v.headers[f] = header(f, content)
			if slices.Contains(p.GoFiles, f) && !slices.Contains(p.CompiledGoFiles, f) {
				v.cgo[f] = true
			}
		}
	})
	for dir := range v.listings {
		v.listings[dir] = r.listing(dir)
	}
	return v, nil
}

// modFiles returns the files of root whose change changes the metadata.
func modFiles(root string) []string {
	names := []string{filepath.Join(root, "go.mod"), filepath.Join(root, "go.sum")}
	for d := root; ; {
		names = append(names, filepath.Join(d, "go.work"))
		parent := filepath.Dir(d)
		if parent == d {
			return names
		}
		d = parent
	}
}

// stale reports whether v's metadata may be out of date: a go.mod, go.sum
// or go.work changed, a Go file was added to or removed from a workspace
// package, a file's package clause, imports or build constraints
// changed, or a file that imports "C" changed at all (cgo must generate
// the files compiled from it anew). A change to any other part of a file
// keeps the metadata.
func (r *run) stale(v *view) bool {
	for name, fp := range v.modFiles {
		if stat(name) != fp {
			return true
		}
	}
	for dir, names := range v.listings {
		if r.listing(dir) != names {
			return true
		}
	}
	for f, hash := range v.hashes {
		content, h, err := r.read(f)
		if err != nil {
			return true
		}
		if h == hash {
			continue
		}
		if v.cgo[f] || header(f, content) != v.headers[f] {
			return true
		}
		v.hashes[f] = h // same header: remember, to skip parsing it again
	}
	return false
}

// listing returns the names of the Go files in dir, on the disk or in the
// overlay, one a line.
func (r *run) listing(dir string) string {
	var names []string
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		if strings.HasSuffix(e.Name(), ".go") {
			names = append(names, e.Name())
		}
	}
	for f := range r.overlay {
		if filepath.Dir(f) == dir && strings.HasSuffix(f, ".go") && !slices.Contains(names, filepath.Base(f)) {
			names = append(names, filepath.Base(f))
		}
	}
	slices.Sort(names)
	return strings.Join(names, "\n")
}

// header returns what in a Go file decides its package's metadata: its
// build constraints, package name and imports.
func header(name string, content []byte) string {
	f, err := parser.ParseFile(token.NewFileSet(), name, content, parser.ImportsOnly|parser.ParseComments|parser.SkipObjectResolution)
	if f == nil {
		return "unparsable: " + fmt.Sprint(err)
	}
	var sb bytes.Buffer
	for _, g := range f.Comments {
		if g.Pos() >= f.Package {
			break
		}
		for _, c := range g.List {
			if strings.HasPrefix(c.Text, "//go:build") || strings.HasPrefix(c.Text, "// +build") {
				fmt.Fprintln(&sb, c.Text)
			}
		}
	}
	fmt.Fprintln(&sb, "package", f.Name.Name)
	for _, imp := range f.Imports {
		fmt.Fprintln(&sb, "import", imp.Path.Value)
	}
	if err != nil {
		fmt.Fprintln(&sb, "error", err) // a syntax error in the header may hide imports
	}
	return sb.String()
}
