package driver

import (
	"bytes"
	"encoding/json"
	"go/token"
	"io"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/mod/semver"
	"golang.org/x/tools/go/analysis"

	"github.com/resplint/resplint/analyzers"
	"github.com/resplint/resplint/internal/sarif"
	"github.com/resplint/resplint/internal/srcmap"
)

// SARIFConfig says what WriteSARIF writes besides the diagnostics.
type SARIFConfig struct {
	// Analyzers are the analyzers that were run. Each documented
	// category of each (see Categories) is a rule, whether or not it
	// was reported.
	Analyzers  []*analysis.Analyzer
	Categories func(analyzer string) []analyzers.Category

	Root     string   // the repository root; artifact URIs are relative to it
	Version  string   // the tool's version, if known
	Problems []string // what failed, if anything, as notifications
}

// level is the level of every rule: resplint's findings are warnings,
// like those of go vet.
const level = "warning"

// WriteSARIF writes diags as a SARIF 2.1.0 log for GitHub code scanning:
// a rule per analyzer category (ANALYZER/CATEGORY), results with
// locations relative to cfg.Root (uriBaseId %SRCROOT%), related
// locations and suggested fixes.
func WriteSARIF(w io.Writer, diags []Diagnostic, cfg SARIFConfig) error {
	rules := newRuleTable(cfg.Analyzers, cfg.Categories)
	loc := &locator{root: cfg.Root, files: make(map[string][]byte)}
	results := make([]sarif.Result, 0, len(diags))
	for _, d := range diags {
		i := rules.index(d.Analyzer, d.Category)
		res := sarif.Result{
			RuleID:    rules.list[i].ID,
			RuleIndex: i,
			Level:     level,
			Message:   sarif.Message{Text: d.Message},
			Locations: []sarif.Location{{PhysicalLocation: loc.physical(d.Fset, d.Pos, d.End)}},
		}
		for j, rel := range d.Related {
			id := j + 1
			res.RelatedLocations = append(res.RelatedLocations, sarif.Location{
				ID:               &id,
				PhysicalLocation: loc.physical(d.Fset, rel.Pos, rel.End),
				Message:          &sarif.Message{Text: rel.Message},
			})
		}
		for _, fix := range d.SuggestedFixes {
			if f, ok := loc.fix(d.mapper(), fix); ok {
				res.Fixes = append(res.Fixes, f)
			}
		}
		results = append(results, res)
	}

	inv := sarif.Invocation{ExecutionSuccessful: len(cfg.Problems) == 0}
	for _, p := range cfg.Problems {
		inv.ToolExecutionNotifications = append(inv.ToolExecutionNotifications,
			sarif.Notification{Level: "error", Message: sarif.Message{Text: p}})
	}
	run := sarif.Run{
		Tool: sarif.Tool{Driver: sarif.ToolComponent{
			Name:            "resplint",
			Version:         cfg.Version,
			SemanticVersion: semanticVersion(cfg.Version),
			InformationURI:  "https://github.com/resplint/resplint",
			Rules:           rules.list,
		}},
		Invocations: []sarif.Invocation{inv},
		Results:     results,
		ColumnKind:  "utf16CodeUnits",
	}
	if cfg.Root != "" {
		run.OriginalURIBaseIDs = map[string]sarif.ArtifactLocation{sarif.SrcRoot: {URI: fileURI(cfg.Root) + "/"}}
	}
	data, err := json.MarshalIndent(sarif.Log{Schema: sarif.Schema, Version: sarif.Version, Runs: []sarif.Run{run}}, "", "  ")
	if err != nil {
		return err
	}
	_, err = w.Write(append(data, '\n'))
	return err
}

// semanticVersion returns the module version v as SARIF's semanticVersion
// (SemVer 2.0, which has no "v"), or "" if it is not a full semantic
// version, such as "(devel)".
func semanticVersion(v string) string {
	// Canonical drops build metadata ("+dirty") and completes a
	// shorthand such as "v1.2", which SemVer does not allow.
	if !semver.IsValid(v) || !strings.HasPrefix(v, semver.Canonical(v)) {
		return ""
	}
	return strings.TrimPrefix(v, "v")
}

// A ruleTable holds the rules of a log and finds them by analyzer and
// category.
type ruleTable struct {
	list      []sarif.ReportingDescriptor
	byID      map[string]int
	analyzers map[string]*analysis.Analyzer
}

func newRuleTable(as []*analysis.Analyzer, categories func(string) []analyzers.Category) *ruleTable {
	t := &ruleTable{byID: make(map[string]int), analyzers: make(map[string]*analysis.Analyzer)}
	for _, a := range as {
		t.analyzers[a.Name] = a
		cats := categories(a.Name)
		if len(cats) == 0 {
			t.add(a, "", "")
		}
		for _, c := range cats {
			t.add(a, c.Name, c.Description)
		}
	}
	return t
}

// index returns the index of the rule of the analyzer's category, adding
// a rule for a category that is not documented.
func (t *ruleTable) index(analyzer, category string) int {
	if i, ok := t.byID[ruleID(analyzer, category)]; ok {
		return i
	}
	a := t.analyzers[analyzer]
	if a == nil {
		a = &analysis.Analyzer{Name: analyzer}
	}
	return t.add(a, category, "")
}

func ruleID(analyzer, category string) string {
	if category == "" {
		return analyzer
	}
	return analyzer + "/" + category
}

// add adds the rule for category of a, described by desc or, if that is
// empty, by the analyzer's summary, and returns its index.
func (t *ruleTable) add(a *analysis.Analyzer, category, desc string) int {
	summary, details, _ := strings.Cut(a.Doc, "\n\n")
	summary = sentence(strings.Join(strings.Fields(summary), " "))
	if desc == "" {
		desc = summary
	}
	helpURI := a.URL
	if helpURI == "" {
		helpURI = "https://github.com/resplint/resplint/blob/main/docs/" + a.Name + ".md"
	}
	details = strings.TrimSpace(details)
	id := ruleID(a.Name, category)
	t.list = append(t.list, sarif.ReportingDescriptor{
		ID:               id,
		Name:             ruleName(id),
		ShortDescription: &sarif.MultiformatMessage{Text: sentence(desc)},
		FullDescription:  &sarif.MultiformatMessage{Text: sentence(desc) + " " + summary},
		Help: &sarif.MultiformatMessage{
			Text:     strings.TrimSpace(summary + "\n\n" + details + "\n\nDocumentation: " + helpURI),
			Markdown: strings.TrimSpace("**" + summary + "**\n\n" + details + "\n\n[Documentation](" + helpURI + ")"),
		},
		HelpURI:              helpURI,
		DefaultConfiguration: &sarif.ReportingConfiguration{Level: level},
	})
	t.byID[id] = len(t.list) - 1
	return len(t.list) - 1
}

// sentence capitalizes s and ends it with a period.
func sentence(s string) string {
	if s == "" {
		return s
	}
	s = capitalize(s)
	if !strings.HasSuffix(s, ".") {
		s += "."
	}
	return s
}

func capitalize(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	return string(unicode.ToUpper(r)) + s[n:]
}

// ruleName turns a rule ID such as cookieflags/httponly into a name such
// as CookieflagsHttponly.
func ruleName(id string) string {
	var sb strings.Builder
	for part := range strings.SplitSeq(id, "/") {
		sb.WriteString(capitalize(part))
	}
	return sb.String()
}

// A locator turns token positions into SARIF locations.
type locator struct {
	root  string
	files map[string][]byte // contents, for UTF-16 columns; nil if unreadable
}

// physical returns the location of the range [pos, end), or of pos if
// end is not valid, where //line directives put it, as in the other
// outputs. A column a directive leaves unknown is left out.
func (l *locator) physical(fset *token.FileSet, pos, end token.Pos) sarif.PhysicalLocation {
	start := fset.Position(pos)
	region := &sarif.Region{StartLine: start.Line, StartColumn: l.column(start)}
	if end.IsValid() && end >= pos {
		e := fset.Position(end)
		region.EndLine, region.EndColumn = e.Line, l.column(e)
	} else {
		region.EndLine, region.EndColumn = region.StartLine, region.StartColumn
	}
	if region.StartColumn == 0 || region.EndColumn == 0 {
		region.StartColumn, region.EndColumn = 0, 0
	}
	return sarif.PhysicalLocation{ArtifactLocation: l.artifact(start.Filename), Region: region}
}

// fix returns the SARIF form of a suggested fix: its edits, by file,
// in the files they change (see srcmap.Mapper.Edit). It returns false if
// an edit cannot be placed.
func (l *locator) fix(srcs *srcmap.Mapper, fix analysis.SuggestedFix) (sarif.Fix, bool) {
	f := sarif.Fix{Description: &sarif.Message{Text: fix.Message}}
	byFile := make(map[string]int) // file name -> index in ArtifactChanges
	for _, te := range fix.TextEdits {
		name, start, end, ok := srcs.Edit(te.Pos, te.End)
		if !ok {
			return sarif.Fix{}, false
		}
		i, ok := byFile[name]
		if !ok {
			i = len(f.ArtifactChanges)
			byFile[name] = i
			f.ArtifactChanges = append(f.ArtifactChanges, sarif.ArtifactChange{ArtifactLocation: l.artifact(name)})
		}
		content := srcs.Read(name)
		f.ArtifactChanges[i].Replacements = append(f.ArtifactChanges[i].Replacements, sarif.Replacement{
			DeletedRegion:   regionOf(content, start, end),
			InsertedContent: &sarif.ArtifactContent{Text: string(te.NewText)},
		})
	}
	return f, true
}

// regionOf returns the region of the bytes [start, end) of content.
func regionOf(content []byte, start, end int) sarif.Region {
	at := func(off int) (line, col int) {
		off = min(off, len(content))
		lineStart := bytes.LastIndexByte(content[:off], '\n') + 1
		return bytes.Count(content[:lineStart], []byte("\n")) + 1, utf16Len(content[lineStart:off]) + 1
	}
	var r sarif.Region
	r.StartLine, r.StartColumn = at(start)
	r.EndLine, r.EndColumn = at(end)
	return r
}

// column returns the 1-based column of p in UTF-16 code units, which is
// what SARIF counts; token columns count bytes. It returns 0 if the
// column is unknown, and the byte column if the file cannot be read or
// is shorter.
func (l *locator) column(p token.Position) int {
	if p.Column == 0 {
		return 0
	}
	content, ok := l.files[p.Filename]
	if !ok {
		content, _ = os.ReadFile(p.Filename)
		l.files[p.Filename] = content
	}
	lineStart := srcmap.LineStart(content, p.Line)
	if lineStart < 0 || lineStart+p.Column-1 > len(content) || bytes.ContainsRune(content[lineStart:lineStart+p.Column-1], '\n') {
		return p.Column
	}
	return utf16Len(content[lineStart:lineStart+p.Column-1]) + 1
}

// utf16Len returns the length of b in UTF-16 code units, counting each
// byte that is not valid UTF-8 as one.
func utf16Len(b []byte) int {
	n := 0
	for len(b) > 0 {
		r, size := utf8.DecodeRune(b)
		n++
		if r > 0xFFFF {
			n++
		}
		b = b[size:]
	}
	return n
}

// artifact returns the location of the named file: relative to the root
// when it is below it, an absolute file URI otherwise.
func (l *locator) artifact(filename string) sarif.ArtifactLocation {
	if l.root != "" {
		if rel, err := filepath.Rel(l.root, filename); err == nil && filepath.IsLocal(rel) {
			return sarif.ArtifactLocation{URI: (&url.URL{Path: filepath.ToSlash(rel)}).String(), URIBaseID: sarif.SrcRoot}
		}
	}
	return sarif.ArtifactLocation{URI: fileURI(filename)}
}

// fileURI returns the file URI of an absolute path.
func fileURI(path string) string {
	p := filepath.ToSlash(path)
	if !strings.HasPrefix(p, "/") {
		p = "/" + p // a Windows drive letter
	}
	return (&url.URL{Scheme: "file", Path: p}).String()
}

// FindRoot returns the root of the repository that contains dir: the
// nearest directory at or above dir that holds .git, else the nearest that
// holds go.mod, else dir itself.
func FindRoot(dir string) string {
	for _, marker := range []string{".git", "go.mod"} {
		for d := dir; ; {
			if _, err := os.Stat(filepath.Join(d, marker)); err == nil {
				return d
			}
			parent := filepath.Dir(d)
			if parent == d {
				break
			}
			d = parent
		}
	}
	return dir
}
