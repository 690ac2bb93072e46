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
	"time"

	"golang.org/x/mod/modfile"
	"golang.org/x/mod/module"
	"golang.org/x/mod/zip"
)

// This file builds a golangci-lint that contains the plugin with the
// commands of docs/integrations.md ("Without access to GitHub"), read from
// there and run as written, from the Go module proxy only, and caches it.
//
// The commands use resplint@latest. The test runs them with GOPROXY
// listing first a proxy in a temporary directory that serves the sources
// under test as resplint's only version, then the proxies of `go env
// GOPROXY` without direct (and GOVCS=*:off), so that nothing is cloned.

// gclModule is golangci-lint v2's module path.
const gclModule = "github.com/golangci/golangci-lint/v2"

// customConfig is what the test uses of .custom-gcl.example.yml, the one
// place that pins the golangci-lint version (the commands in the docs must
// name the same).
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

// customGCL returns a golangci-lint binary that includes the plugin, built
// from the sources at root with the commands of docs/integrations.md. It
// is cached under the user cache directory, keyed by golangci-lint's
// version and the hash of the sources and the commands, so that only the
// first run after a change builds it.
func customGCL(t *testing.T, root string) string {
	t.Helper()
	cfg := readCustomConfig(t, root)
	script := docCommands(t, root, cfg)
	sum := sha256.Sum256([]byte(sourceHash(t, root) + "\n" + script))
	hash := hex.EncodeToString(sum[:])
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
	built := buildCustomGCL(t, cfg, root, script)
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

// docCommands returns the shell commands of docs/integrations.md that
// build the custom golangci-lint without GitHub. They must build the
// golangci-lint version of cfg, and resplint's latest version.
func docCommands(t *testing.T, root string, cfg customConfig) string {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(root, "docs", "integrations.md"))
	if err != nil {
		t.Fatal(err)
	}
	_, section, ok := strings.Cut(string(data), "\n### Without access to GitHub\n")
	if !ok {
		t.Fatal("docs/integrations.md has no section \"Without access to GitHub\"")
	}
	m := regexp.MustCompile("(?s)\n```sh\n(.*?)```\n").FindStringSubmatch(section)
	if m == nil {
		t.Fatal("docs/integrations.md, \"Without access to GitHub\": no sh block")
	}
	script := m[1]
	for _, want := range []string{"GCL=" + cfg.Version + " ", "RESPLINT=latest "} {
		if !regexp.MustCompile("(?m)^" + regexp.QuoteMeta(want)).MatchString(script) {
			t.Fatalf("the commands of docs/integrations.md do not set %s(as .custom-gcl.example.yml):\n%s", want, script)
		}
	}
	return script
}

// checkoutVersion is the version under which the local proxy serves the
// sources under test.
const checkoutVersion = "v0.0.0-checkout"

// localProxy writes a GOPROXY directory to dir that serves the module at
// root as module path at checkoutVersion, its only version.
func localProxy(t *testing.T, dir, path, root string) {
	t.Helper()
	vdir := filepath.Join(dir, filepath.FromSlash(path), "@v")
	if err := os.MkdirAll(vdir, 0o755); err != nil {
		t.Fatal(err)
	}
	var zipped bytes.Buffer
	if err := zip.CreateFromDir(&zipped, module.Version{Path: path, Version: checkoutVersion}, root); err != nil {
		t.Fatalf("zipping %s: %v", root, err)
	}
	gomod, err := os.ReadFile(filepath.Join(root, "go.mod"))
	if err != nil {
		t.Fatal(err)
	}
	info := fmt.Sprintf(`{"Version":%q,"Time":%q}`, checkoutVersion, time.Now().UTC().Format(time.RFC3339))
	for name, data := range map[string][]byte{
		"list":                    []byte(checkoutVersion + "\n"),
		checkoutVersion + ".info": []byte(info),
		checkoutVersion + ".mod":  gomod,
		checkoutVersion + ".zip":  zipped.Bytes(),
	} {
		if err := os.WriteFile(filepath.Join(vdir, name), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// upstreamProxy returns the proxies of `go env GOPROXY` other than direct
// and off, comma-separated. It fails the test if there are none.
func upstreamProxy(t *testing.T) string {
	t.Helper()
	out, err := exec.Command("go", "env", "GOPROXY").Output()
	if err != nil {
		t.Fatal(err)
	}
	var list []string
	for _, p := range strings.FieldsFunc(strings.TrimSpace(string(out)), func(r rune) bool { return r == ',' || r == '|' }) {
		if p != "direct" && p != "off" {
			list = append(list, p)
		}
	}
	if len(list) == 0 {
		t.Fatalf("GOPROXY=%s names no module proxy: building golangci-lint needs one", strings.TrimSpace(string(out)))
	}
	return strings.Join(list, ",")
}

// buildCustomGCL runs script (the commands of the docs) in a temporary
// directory and returns the path of the binary it builds, custom-gcl. A
// failing command fails the test with the output.
func buildCustomGCL(t *testing.T, cfg customConfig, root, script string) string {
	t.Helper()
	bash, err := exec.LookPath("bash")
	if err != nil {
		t.Fatalf("the commands of docs/integrations.md need bash: %v", err)
	}
	ctx := context.Background()
	if deadline, ok := t.Deadline(); ok {
		var cancel context.CancelFunc
		ctx, cancel = context.WithDeadline(ctx, deadline.Add(-time.Minute))
		defer cancel()
	}
	proxy := t.TempDir()
	localProxy(t, proxy, cfg.Module, root)
	work := t.TempDir()
	cmd := exec.CommandContext(ctx, bash, "-euxo", "pipefail", "-c", script)
	cmd.Dir = work
	cmd.Env = append(os.Environ(),
		"GOWORK=off",
		"GOPROXY=file://"+filepath.ToSlash(proxy)+","+upstreamProxy(t),
		"GOVCS=*:off",
		"GOPRIVATE=", "GONOPROXY=",
		"GONOSUMDB="+cfg.Module, // the checkout is not in the checksum database
	)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("building the custom golangci-lint with the commands of docs/integrations.md: %v (context: %v)\n%s", err, ctx.Err(), out)
	}
	// The build used the checkout, through the local proxy.
	gomod, err := os.ReadFile(filepath.Join(work, "go.mod"))
	if err != nil {
		t.Fatal(err)
	}
	mf, err := modfile.Parse("go.mod", gomod, nil)
	if err != nil {
		t.Fatal(err)
	}
	used := map[string]string{}
	for _, r := range mf.Require {
		used[r.Mod.Path] = r.Mod.Version
	}
	if used[cfg.Module] != checkoutVersion || used[gclModule] != cfg.Version {
		t.Fatalf("the custom golangci-lint requires %s %s and %s %s, want %s and %s", cfg.Module, used[cfg.Module], gclModule, used[gclModule], checkoutVersion, cfg.Version)
	}
	// golangci-lint's go.mod applies as a dependency's: as the main module,
	// in golangci-lint custom's clone, its replace and exclude directives
	// would apply too. docs/integrations.md says it has none.
	out, err := exec.Command("go", "env", "GOMODCACHE").Output()
	if err != nil {
		t.Fatal(err)
	}
	escaped, err := module.EscapePath(gclModule)
	if err != nil {
		t.Fatal(err)
	}
	gclDir := filepath.Join(strings.TrimSpace(string(out)), filepath.FromSlash(escaped)+"@"+cfg.Version)
	gclMod, err := os.ReadFile(filepath.Join(gclDir, "go.mod"))
	if err != nil {
		t.Fatal(err)
	}
	if gf, err := modfile.ParseLax("go.mod", gclMod, nil); err != nil {
		t.Fatal(err)
	} else if len(gf.Replace) > 0 || len(gf.Exclude) > 0 {
		t.Fatalf("%s@%s has replace or exclude directives, which the build of docs/integrations.md does not apply: revisit it and its text", gclModule, cfg.Version)
	}
	return filepath.Join(work, "custom-gcl")
}
