package plugin_test

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"slices"
	"strings"
	"testing"
	"text/template"
	"time"

	"golang.org/x/mod/modfile"
)

// This file builds a golangci-lint that contains the plugin the way
// `golangci-lint custom` does, from the Go module cache and the module
// proxy only, and caches it.
//
// golangci-lint custom (pkg/commands/internal of golangci-lint v2) clones
// golangci-lint's repository at the configured version, overwrites
// cmd/golangci-lint/plugins.go with a blank import of each plugin, adds a
// replace directive for each plugin given by path, runs go mod tidy and
// builds ./cmd/golangci-lint with -ldflags "-s -w -X main.version=...
// -X main.date=...". Here the files of cmd/golangci-lint come from the
// module cache instead of a clone, into a module of their own that
// requires golangci-lint at that version: the same sources built against
// the same requirements, as golangci-lint's go.mod has no replace or
// exclude directives (which would not carry over; checked below).

// gclModule is golangci-lint v2's module path.
const gclModule = "github.com/golangci/golangci-lint/v2"

// customConfig is what the test uses of .custom-gcl.example.yml, the one
// place that pins the golangci-lint version.
type customConfig struct {
	Version string // golangci-lint's
	Module  string // the plugin's module
	Import  string // the plugin's package
}

var (
	versionLine = regexp.MustCompile(`(?m)^version:\s*(v\S+)\s*$`)
	moduleLine  = regexp.MustCompile(`(?m)^\s*-\s*module:\s*(\S+)\s*$`)
	importLine  = regexp.MustCompile(`(?m)^\s*import:\s*(\S+)\s*$`)
)

// readCustomConfig reads .custom-gcl.example.yml at the repository root.
func readCustomConfig(t *testing.T, root string) customConfig {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(root, ".custom-gcl.example.yml"))
	if err != nil {
		t.Fatal(err)
	}
	var cfg customConfig
	for _, f := range []struct {
		re  *regexp.Regexp
		dst *string
	}{{versionLine, &cfg.Version}, {moduleLine, &cfg.Module}, {importLine, &cfg.Import}} {
		m := f.re.FindAllSubmatch(data, -1)
		if len(m) != 1 {
			t.Fatalf(".custom-gcl.example.yml: want one line matching %s, found %d", f.re, len(m))
		}
		*f.dst = string(m[0][1])
	}
	return cfg
}

// repoRoot returns the root of the resplint module.
func repoRoot(t *testing.T) string {
	t.Helper()
	root, err := filepath.Abs("..")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(root, "go.mod")); err != nil {
		t.Fatal(err)
	}
	return root
}

// sourceHash hashes what goes into the plugin: go.mod, go.sum and the
// files of the packages of the module at root that the plugin imports.
func sourceHash(t *testing.T, root string) string {
	t.Helper()
	cmd := exec.Command("go", "list", "-deps", "-json=ImportPath,Dir,GoFiles,CgoFiles,EmbedFiles,Module", "./plugin")
	cmd.Dir = root
	cmd.Env = append(os.Environ(), "GOWORK=off")
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("go list -deps ./plugin: %v\n%s", err, out)
	}
	files := []string{filepath.Join(root, "go.mod"), filepath.Join(root, "go.sum")}
	for dec := json.NewDecoder(bytes.NewReader(out)); dec.More(); {
		var p struct {
			Dir                           string
			GoFiles, CgoFiles, EmbedFiles []string
			Module                        *struct{ Main bool }
		}
		if err := dec.Decode(&p); err != nil {
			t.Fatal(err)
		}
		if p.Module == nil || !p.Module.Main {
			continue
		}
		for _, f := range slices.Concat(p.GoFiles, p.CgoFiles, p.EmbedFiles) {
			files = append(files, filepath.Join(p.Dir, f))
		}
	}
	slices.Sort(files)
	h := sha256.New()
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		rel, _ := filepath.Rel(root, f)
		fmt.Fprintf(h, "%q %d\n", filepath.ToSlash(rel), len(data))
		h.Write(data)
	}
	return hex.EncodeToString(h.Sum(nil))
}

// keepBuilds is how many cached binaries are kept.
const keepBuilds = 3

// customGCL returns a golangci-lint binary that includes the plugin, as
// .custom-gcl.example.yml describes it but built from the sources at
// root, like a plugin given by path. It is cached under the user cache
// directory, keyed by golangci-lint's version and the hash of the
// sources, so that only the first run after a change builds it.
func customGCL(t *testing.T, root string) string {
	t.Helper()
	cfg := readCustomConfig(t, root)
	hash := sourceHash(t, root)
	cacheRoot, err := os.UserCacheDir()
	if err != nil {
		t.Fatal(err)
	}
	cacheDir := filepath.Join(cacheRoot, "resplint-gcl")
	name := "custom-gcl"
	if runtime.GOOS == "windows" {
		name += ".exe"
	}
	bin := filepath.Join(cacheDir, cfg.Version+"-"+hash[:20], name)
	if _, err := os.Stat(bin); err == nil {
		t.Logf("using cached %s", bin)
		now := time.Now()
		os.Chtimes(filepath.Dir(bin), now, now) // most recently used
		return bin
	}

	start := time.Now()
	built := buildCustomGCL(t, cfg, root, hash)
	t.Logf("built golangci-lint %s with the plugin in %s", cfg.Version, time.Since(start).Round(time.Second))

	// Publish the binary atomically: concurrent tests may build it too.
	if err := os.MkdirAll(cacheDir, 0o755); err != nil {
		t.Fatal(err)
	}
	tmp, err := os.MkdirTemp(cacheDir, "tmp-")
	if err != nil {
		t.Fatal(err)
	}
	defer os.RemoveAll(tmp)
	data, err := os.ReadFile(built)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(tmp, name), data, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.Rename(tmp, filepath.Dir(bin)); err != nil {
		if _, statErr := os.Stat(bin); statErr != nil {
			t.Fatal(err)
		}
	}
	pruneBuilds(t, cacheDir)
	return bin
}

// pruneBuilds removes all but the most recently used cached binaries.
func pruneBuilds(t *testing.T, cacheDir string) {
	entries, err := os.ReadDir(cacheDir)
	if err != nil {
		t.Fatal(err)
	}
	type build struct {
		dir  string
		used time.Time
	}
	var builds []build
	for _, e := range entries {
		info, err := e.Info()
		if err != nil || !e.IsDir() || strings.HasPrefix(e.Name(), "tmp-") {
			continue
		}
		builds = append(builds, build{filepath.Join(cacheDir, e.Name()), info.ModTime()})
	}
	slices.SortFunc(builds, func(a, b build) int { return b.used.Compare(a.used) })
	for _, b := range builds[min(keepBuilds, len(builds)):] {
		if err := os.RemoveAll(b.dir); err != nil {
			t.Logf("pruning %s: %v", b.dir, err)
		}
	}
}

// pluginsTemplate is the plugins.go of the custom main package.
var pluginsTemplate = template.Must(template.New("plugins.go").Parse(`// Code generated by resplint's plugin test, as golangci-lint custom does. DO NOT EDIT.

package main

import _ "{{.}}"
`))

// buildCustomGCL builds the binary in a temporary directory and returns
// its path. A failing step fails the test with its output.
func buildCustomGCL(t *testing.T, cfg customConfig, root, hash string) string {
	t.Helper()
	ctx := context.Background()
	if deadline, ok := t.Deadline(); ok {
		var cancel context.CancelFunc
		ctx, cancel = context.WithDeadline(ctx, deadline.Add(-time.Minute))
		defer cancel()
	}
	work := t.TempDir()
	goCmd := func(args ...string) []byte {
		t.Helper()
		cmd := exec.CommandContext(ctx, "go", args...)
		cmd.Dir = work
		cmd.Env = append(os.Environ(), "GOWORK=off")
		var stdout, stderr bytes.Buffer
		cmd.Stdout, cmd.Stderr = &stdout, &stderr
		if err := cmd.Run(); err != nil {
			t.Fatalf("building the custom golangci-lint: go %s: %v (context: %v)\n%s%s",
				strings.Join(args, " "), err, ctx.Err(), stdout.Bytes(), stderr.Bytes())
		}
		return stdout.Bytes()
	}

	// golangci-lint's module, through the module cache.
	var mod struct{ Dir, GoMod, Error string }
	if err := json.Unmarshal(goCmd("mod", "download", "-json", gclModule+"@"+cfg.Version), &mod); err != nil || mod.Error != "" {
		t.Fatalf("go mod download %s@%s: %v %s", gclModule, cfg.Version, err, mod.Error)
	}
	gomod, err := os.ReadFile(mod.GoMod)
	if err != nil {
		t.Fatal(err)
	}
	mf, err := modfile.ParseLax(mod.GoMod, gomod, nil)
	if err != nil {
		t.Fatal(err)
	}
	if len(mf.Replace) > 0 || len(mf.Exclude) > 0 {
		t.Fatalf("%s@%s has replace or exclude directives, which a module of its own would not apply; clone-free builds need revisiting", gclModule, cfg.Version)
	}

	// Its main package, with plugins.go importing the plugin.
	mainDir := filepath.Join(mod.Dir, "cmd", "golangci-lint")
	files, err := filepath.Glob(filepath.Join(mainDir, "*.go"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no Go files in %s", mainDir)
	}
	for _, f := range files {
		name := filepath.Base(f)
		if strings.HasSuffix(name, "_test.go") || name == "plugins.go" {
			continue
		}
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(work, name), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	var plugins bytes.Buffer
	if err := pluginsTemplate.Execute(&plugins, cfg.Import); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(work, "plugins.go"), plugins.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}

	goCmd("mod", "init", "resplint.test/custom-gcl")
	goCmd("mod", "edit",
		"-require="+gclModule+"@"+cfg.Version,
		"-require="+cfg.Module+"@v0.0.0-00010101000000-000000000000",
		"-replace="+cfg.Module+"="+root)
	goCmd("mod", "tidy")
	bin := filepath.Join(work, "custom-gcl")
	version := cfg.Version + "-custom-gcl-" + hash[:20] // part of golangci-lint's cache salt
	goCmd("build", "-ldflags", fmt.Sprintf("-s -w -X 'main.version=%s' -X 'main.date=%s'", version, time.Now().UTC()), "-o", bin, ".")
	return bin
}
