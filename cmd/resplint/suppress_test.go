package main

import (
	"encoding/json"
	"fmt"
	"maps"
	"slices"
	"strings"
	"testing"
)

// suppressFixture returns a copy of testdata/suppress and the findings
// every driver must report there: "line analyzer/category", sorted. The
// cookies of Login, Refresh and Auth are suppressed; the directive of
// Remember has no reason, so its cookie is reported, and so is the
// directive, once; the unknown name in Auth's directive is reported once.
func suppressFixture(t *testing.T) (dir string, want []string) {
	t.Helper()
	dir = fixture(t, "suppress")
	remember := lineOf(t, dir, "handlers.go", `Name: "remember_me"`)
	want = []string{
		fmt.Sprintf("%d directives/reason", remember-1),
		fmt.Sprintf("%d cookieflags/httponly", remember),
		fmt.Sprintf("%d cookieflags/secure", remember),
		fmt.Sprintf("%d cookieflags/samesite", remember),
		fmt.Sprintf("%d directives/unknown", lineOf(t, dir, "handlers.go", "//resplint:ignore cookieflag,cookieflags")),
	}
	slices.Sort(want)
	return dir, want
}

func sameFindings(t *testing.T, driver string, got, want []string, out string) {
	t.Helper()
	slices.Sort(got)
	if !slices.Equal(got, want) {
		t.Errorf("%s reported\n%q\nwant\n%q\noutput:\n%s", driver, got, want, out)
	}
}

func TestSuppressionText(t *testing.T) {
	t.Parallel()
	dir, want := suppressFixture(t)
	res := resplint(t, dir, "./...")
	wantCode(t, res, exitFindings)
	var got []string
	for _, d := range parseText(t, res.stderr) {
		got = append(got, fmt.Sprintf("%d %s/%s", d.line, d.analyzer, d.category))
	}
	sameFindings(t, "resplint", got, want, res.stderr)
}

func TestSuppressionJSON(t *testing.T) {
	t.Parallel()
	dir, want := suppressFixture(t)
	res := resplint(t, dir, "-json", "./...")
	wantCode(t, res, exitOK)
	var tree map[string]map[string][]jsonDiag
	if err := json.Unmarshal([]byte(res.stdout), &tree); err != nil {
		t.Fatalf("output is not JSON diagnostics: %v\n%s", err, res.stdout)
	}
	var got []string
	for _, analyzers := range tree {
		for _, name := range slices.Sorted(maps.Keys(analyzers)) {
			for _, d := range analyzers[name] {
				_, pos, _ := strings.Cut(d.Posn, "handlers.go:")
				line, _, _ := strings.Cut(pos, ":")
				got = append(got, fmt.Sprintf("%s %s/%s", line, name, d.Category))
			}
		}
	}
	sameFindings(t, "resplint -json", got, want, res.stdout)
}

func TestSuppressionSARIF(t *testing.T) {
	t.Parallel()
	dir, want := suppressFixture(t)
	res := resplint(t, dir, "-sarif", "./...")
	wantCode(t, res, exitOK)
	var got []string
	for _, r := range validateSARIF(t, res.stdout).Runs[0].Results {
		got = append(got, fmt.Sprintf("%d %s", r.Locations[0].PhysicalLocation.Region.StartLine, r.RuleID))
	}
	sameFindings(t, "resplint -sarif", got, want, res.stdout)
}

// go vet prints neither analyzer nor category: compare the number of
// diagnostics on each line.
func TestSuppressionVet(t *testing.T) {
	t.Parallel()
	dir, want := suppressFixture(t)
	res := goCommand(t, dir, "vet", "-vettool="+binary, "./...")
	if res.code == 0 {
		t.Fatalf("go vet succeeded:\n%s", res.stderr)
	}
	var got, wantLines []string
	for l := range strings.Lines(res.stderr) {
		if rest, ok := strings.CutPrefix(l, "handlers.go:"); ok {
			line, _, _ := strings.Cut(rest, ":")
			got = append(got, line)
		}
	}
	for _, w := range want {
		line, _, _ := strings.Cut(w, " ")
		wantLines = append(wantLines, line)
	}
	slices.Sort(wantLines)
	sameFindings(t, "go vet", got, wantLines, res.stderr)
}

// Fixes of suppressed diagnostics are not applied, by resplint -fix or by
// go fix.
func TestSuppressionFix(t *testing.T) {
	t.Parallel()
	for _, tool := range []string{"resplint", "go fix"} {
		t.Run(tool, func(t *testing.T) {
			t.Parallel()
			dir, _ := suppressFixture(t)
			before := strings.Split(snapshot(t, dir)["handlers.go"], "\n")
			var res result
			if tool == "resplint" {
				res = resplint(t, dir, "-fix", "./...")
			} else {
				res = goCommand(t, dir, "fix", "-fixtool="+binary, "./...")
			}
			wantCode(t, res, exitOK)
			after := snapshot(t, dir)["handlers.go"]
			for _, name := range []string{`"session"`, `"refresh_token"`, `"auth"`} {
				line := lineOf(t, dir, "handlers.go", "Name: "+name)
				if got := strings.Split(after, "\n")[line-1]; got != before[line-1] {
					t.Errorf("suppressed cookie %s was fixed: %s", name, got)
				}
			}
			if !strings.Contains(after, `Name: "remember_me", Value: r.FormValue("v"), HttpOnly: true`) {
				t.Errorf("cookie remember_me was not fixed:\n%s", after)
			}
		})
	}
}
