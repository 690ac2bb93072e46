package jsonleak_test

import (
	"fmt"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/resplint/resplint/analyzers/internal/testmod"
	"github.com/resplint/resplint/analyzers/jsonleak"
)

// Each framework has its own package of positive and negative cases;
// helpers in another package are seen through facts. One run loads them
// all, since loading the frameworks dominates the cost.
func TestJSONLeak(t *testing.T) {
	analysistest.Run(t, testmod.Dir(t), jsonleak.New(),
		"./jsonleak/models", "./jsonleak/repo", "./jsonleak/nethttp", "./jsonleak/gin",
		"./jsonleak/echo4", "./jsonleak/echo5", "./jsonleak/fiber2", "./jsonleak/fiber3",
		"./jsonleak/chi", "./jsonleak/hertz", "./jsonleak/gozero", "./jsonleak/httprouter",
		"./jsonleak/helpers", "./jsonleak/usehelpers", "./jsonleak/mux", "./jsonleak/envelopes")
}

// -strict reports the secrets of response types that the code fills by
// naming the field, on every framework.
func TestStrict(t *testing.T) {
	a := jsonleak.New()
	if err := a.Flags.Set("strict", "true"); err != nil {
		t.Fatal(err)
	}
	analysistest.Run(t, testmod.Dir(t), a, "./jsonleak/strict")
}

// Every suggested fix is applied and compared with the golden file, one
// section per fix message; no other fix is offered (not for structs the
// package decodes, of another package, or declared with two names), and
// each diagnostic points at the declarations of the fields it names.
func TestFixes(t *testing.T) {
	results := analysistest.RunWithSuggestedFixes(t, testmod.Dir(t), jsonleak.New(), "./jsonleak/fixes")
	var fixes, related []string
	for _, r := range results {
		for _, d := range r.Diagnostics {
			for _, f := range d.SuggestedFixes {
				fixes = append(fixes, f.Message)
			}
			for _, rel := range d.Related {
				pos := r.Pass.Fset.Position(rel.Pos)
				related = append(related, fmt.Sprintf("%s:%d %s", filepath.Base(pos.Filename), pos.Line, rel.Message))
			}
		}
	}
	slices.Sort(fixes)
	slices.Sort(related)
	wantFixes := []string{
		`Add json:"-" to Account.APIKey`,
		`Add json:"-" to Account.Salt and Account.TOTPSecret`,
		// hertz's c.JSON, go-zero's OkJsonCtx and WriteJson; none for
		// MFASetup, which httpx.Parse decodes.
		`Add json:"-" to Member.PasswordHash`,
		`Add json:"-" to Member.PasswordHash`,
		`Add json:"-" to Member.PasswordHash`,
		`Add json:"-" to User.Password`,
	}
	if !slices.Equal(fixes, wantFixes) {
		t.Errorf("fixes offered:\n%s\nwant:\n%s", strings.Join(fixes, "\n"), strings.Join(wantFixes, "\n"))
	}
	wantRelated := []string{
		"fixes.go:13 Password is declared here",
		"fixes.go:22 Salt is declared here",
		"fixes.go:23 TOTPSecret is declared here",
		"fixes.go:24 APIKey is declared here",
		"fixes.go:41 Password is declared here",
		"fixes.go:56 Secret is declared here",
		"fixes.go:71 Password is declared here",
		"frameworks.go:14 PasswordHash is declared here",
		"frameworks.go:14 PasswordHash is declared here",
		"frameworks.go:14 PasswordHash is declared here",
		"frameworks.go:32 RecoveryCodes is declared here",
		"models.go:24 Salt is declared here",
	}
	if !slices.Equal(related, wantRelated) {
		t.Errorf("related information:\n%s\nwant:\n%s", strings.Join(related, "\n"), strings.Join(wantRelated, "\n"))
	}
}

// The golden files compile.
func TestFixesTypeCheck(t *testing.T) {
	testmod.CheckGoldens(t, "jsonleak/fixes")
}

// The patterns are options.
func TestOptions(t *testing.T) {
	a := jsonleak.New()
	for flag, value := range map[string]string{
		"secrets":  `(^|_)pin$`,
		"tokens":   `(^|_)session_id$`,
		"models":   `jsonleak/options$`,
		"config":   `^$`,
		"accounts": `^Device$`,
		"chosen":   `(^|_)pin$`,
	} {
		if err := a.Flags.Set(flag, value); err != nil {
			t.Fatal(err)
		}
	}
	analysistest.Run(t, testmod.Dir(t), a, "./jsonleak/options")
	if err := a.Flags.Set("secrets", "("); err == nil {
		t.Error("an invalid -secrets pattern was accepted")
	}
}
