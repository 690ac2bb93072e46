package main

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"unicode/utf16"

	"github.com/santhosh-tekuri/jsonschema/v6"

	"github.com/resplint/resplint/internal/sarif"
)

// validateSARIF fails the test unless out is valid against the SARIF
// 2.1.0 schema in testdata/schema, and returns it decoded.
func validateSARIF(t *testing.T, out string) *sarif.Log {
	t.Helper()
	c := jsonschema.NewCompiler()
	c.AssertFormat()
	schema, err := c.Compile(filepath.Join("testdata", "schema", "sarif-2.1.0-rtm.5.json"))
	if err != nil {
		t.Fatal(err)
	}
	doc, err := jsonschema.UnmarshalJSON(strings.NewReader(out))
	if err != nil {
		t.Fatalf("output is not JSON: %v\n%s", err, out)
	}
	if err := schema.Validate(doc); err != nil {
		t.Fatalf("output is not valid SARIF 2.1.0: %#v", err)
	}
	var log sarif.Log
	if err := json.Unmarshal([]byte(out), &log); err != nil {
		t.Fatal(err)
	}
	if len(log.Runs) != 1 {
		t.Fatalf("%d runs, want 1", len(log.Runs))
	}
	return &log
}

// utf16Col returns the 1-based SARIF column after prefix.
func utf16Col(prefix string) int {
	return len(utf16.Encode([]rune(prefix))) + 1
}

// lineText returns line n (1-based) of dir/file.
func lineText(t *testing.T, dir, file string, n int) string {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(dir, file))
	if err != nil {
		t.Fatal(err)
	}
	return strings.Split(string(data), "\n")[n-1]
}

func TestSARIF(t *testing.T) {
	t.Parallel()
	// The module lies in a subdirectory of a git repository: URIs are
	// relative to the repository.
	repo := t.TempDir()
	if err := os.Mkdir(filepath.Join(repo, ".git"), 0o755); err != nil {
		t.Fatal(err)
	}
	dir := filepath.Join(repo, "svc")
	if err := os.CopyFS(dir, os.DirFS(filepath.Join("testdata", "sarif"))); err != nil {
		t.Fatal(err)
	}
	res := resplint(t, dir, "-sarif", "./...")
	wantCode(t, res, exitOK)
	log := validateSARIF(t, res.stdout)
	run := log.Runs[0]

	rules := run.Tool.Driver.Rules
	ids := make([]string, len(rules))
	for i, r := range rules {
		ids[i] = r.ID
		if r.Name == "" || r.ShortDescription == nil || r.FullDescription == nil || r.Help == nil ||
			r.Help.Text == "" || r.Help.Markdown == "" || r.DefaultConfiguration == nil || r.DefaultConfiguration.Level != "warning" {
			t.Errorf("rule %s lacks a name, descriptions, help or level: %+v", r.ID, r)
		}
		analyzer, _, _ := strings.Cut(r.ID, "/")
		if analyzer == "cookieflags" && r.HelpURI != "https://github.com/resplint/resplint/blob/main/docs/cookieflags.md" {
			t.Errorf("rule %s: helpUri %s", r.ID, r.HelpURI)
		}
	}
	for _, want := range []string{"cookieflags/httponly", "cookieflags/secure", "cookieflags/samesite", "cookieflags/prefix", "directives/reason", "directives/unknown", "directives/syntax"} {
		if !slices.Contains(ids, want) {
			t.Errorf("no rule %s in %v", want, ids)
		}
	}
	if got, want := run.OriginalURIBaseIDs[sarif.SrcRoot].URI, "file://"+filepath.ToSlash(repo)+"/"; got != want {
		t.Errorf("%%SRCROOT%% is %s, want %s", got, want)
	}
	if len(run.Invocations) != 1 || !run.Invocations[0].ExecutionSuccessful {
		t.Errorf("invocations %+v, want one successful", run.Invocations)
	}

	// results by "file:line ruleId"
	byKey := make(map[string]sarif.Result)
	for _, r := range run.Results {
		if r.RuleIndex < 0 || r.RuleIndex >= len(rules) || rules[r.RuleIndex].ID != r.RuleID {
			t.Errorf("result %s has rule index %d", r.RuleID, r.RuleIndex)
		}
		loc := r.Locations[0].PhysicalLocation
		if loc.ArtifactLocation.URIBaseID != sarif.SrcRoot {
			t.Errorf("result %s: uri %s has base %q", r.RuleID, loc.ArtifactLocation.URI, loc.ArtifactLocation.URIBaseID)
		}
		byKey[fmt.Sprintf("%s:%d %s", loc.ArtifactLocation.URI, loc.Region.StartLine, r.RuleID)] = r
	}
	get := func(file string, line int, rule string) sarif.Result {
		t.Helper()
		key := fmt.Sprintf("svc/%s:%d %s", file, line, rule)
		r, ok := byKey[key]
		if !ok {
			t.Fatalf("no result %s in\n%s", key, res.stdout)
		}
		return r
	}

	// Columns count UTF-16 code units: the line has an emoji (two
	// units, four bytes) and accents (one unit, two bytes).
	login := lineOf(t, dir, "handlers.go", `"🍪 crème brûlée"`)
	text := lineText(t, dir, "handlers.go", login)
	r := get("handlers.go", login, "cookieflags/httponly")
	region := r.Locations[0].PhysicalLocation.Region
	if want := (sarif.Region{StartLine: login, StartColumn: 2, EndLine: login, EndColumn: utf16Col(text)}); *region != want {
		t.Errorf("region %+v, want %+v (byte columns would end at %d)", *region, want, len(text)+1)
	}
	if len(r.Fixes) == 0 || len(r.Fixes[0].ArtifactChanges) != 1 {
		t.Fatalf("httponly result has no fix on one file: %+v", r.Fixes)
	}
	change := r.Fixes[0].ArtifactChanges[0]
	if change.ArtifactLocation.URI != "svc/handlers.go" || len(change.Replacements) != 1 {
		t.Fatalf("fix changes %+v", change)
	}
	insertAt := utf16Col(text[:strings.Index(text, `"session"`)+len(`"session"`)])
	if rep := change.Replacements[0]; rep.DeletedRegion != (sarif.Region{StartLine: login, StartColumn: insertAt, EndLine: login, EndColumn: insertAt}) ||
		rep.InsertedContent == nil || !strings.Contains(rep.InsertedContent.Text, "HttpOnly: true") {
		t.Errorf("fix replacement %+v, want an insertion of HttpOnly: true at %d:%d", rep, login, insertAt)
	}

	// Related information becomes a related location.
	token := lineOf(t, dir, "handlers.go", "http.SetCookie(w, c)")
	r = get("handlers.go", token, "cookieflags/secure")
	decl := lineOf(t, dir, "handlers.go", `c := &http.Cookie{Name: "token"`)
	if len(r.RelatedLocations) != 1 || r.RelatedLocations[0].PhysicalLocation.Region.StartLine != decl ||
		r.RelatedLocations[0].Message == nil || r.RelatedLocations[0].Message.Text != "the cookie is defined here" {
		t.Errorf("related locations %+v, want the declaration at line %d", r.RelatedLocations, decl)
	}

	// A file in a subdirectory; a suppressed finding is absent.
	get("auth/auth.go", lineOf(t, dir, "auth/auth.go", `Name: "remember"`), "cookieflags/secure")
	suppressed := lineOf(t, dir, "handlers.go", "//resplint:ignore cookieflags")
	for key := range byKey {
		if strings.HasPrefix(key, fmt.Sprintf("svc/handlers.go:%d ", suppressed)) {
			t.Errorf("suppressed finding reported: %s", key)
		}
	}
	if len(run.Results) != 5 {
		t.Errorf("%d results, want 5:\n%s", len(run.Results), res.stdout)
	}
}

// Packages that do not type-check make the run unsuccessful; the log is
// still valid, and says why.
func TestSARIFBroken(t *testing.T) {
	t.Parallel()
	dir := fixture(t, "bad")
	res := resplint(t, dir, "-sarif", "./...")
	wantCode(t, res, exitError)
	run := validateSARIF(t, res.stdout).Runs[0]
	if len(run.Invocations) != 1 || run.Invocations[0].ExecutionSuccessful {
		t.Fatalf("invocations %+v, want one unsuccessful", run.Invocations)
	}
	var notes []string
	for _, n := range run.Invocations[0].ToolExecutionNotifications {
		notes = append(notes, n.Message.Text)
	}
	if !slices.ContainsFunc(notes, func(s string) bool { return strings.Contains(s, "undefined: x") }) {
		t.Errorf("notifications do not give the type error: %q", notes)
	}
	if len(run.Results) == 0 {
		t.Error("the package that type-checks has no results")
	}
}
