package jsonleak

import (
	_ "embed"
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"slices"
	"strconv"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/inspect"

	"github.com/resplint/resplint/analyzers/internal/docx"
	"github.com/resplint/resplint/analyzers/internal/flagx"
	"github.com/resplint/resplint/analyzers/internal/jsonvalue"
	"github.com/resplint/resplint/analyzers/internal/respmodel"
)

//go:embed doc.go
var doc string

// Analyzer is the jsonleak check with default options.
var Analyzer = New()

// New returns a jsonleak analyzer with its own options.
func New() *analysis.Analyzer {
	c := &checker{
		secrets:     flagx.NewRegexp(DefaultSecrets),
		credentials: flagx.NewRegexp(DefaultCredentials),
		tokens:      flagx.NewRegexp(DefaultTokens),
		chosen:      flagx.NewRegexp(DefaultChosen),
		accounts:    flagx.NewRegexp(DefaultAccounts),
		models:      flagx.NewRegexp(DefaultModels),
		config:      flagx.NewRegexp(DefaultConfig),
	}
	a := &analysis.Analyzer{
		Name:      "jsonleak",
		Doc:       docx.Extract(doc, "jsonleak"),
		URL:       "https://github.com/resplint/resplint/blob/main/docs/jsonleak.md",
		Requires:  []*analysis.Analyzer{inspect.Analyzer, respmodel.Analyzer},
		Run:       c.run,
		FactTypes: []analysis.Fact{new(LeaksFact), new(CopiesFact)},
	}
	a.Flags.Var(c.secrets, "secrets", "regular expression of secret field names and map keys, reported on any struct, matched in lower snake case")
	a.Flags.Var(c.credentials, "credentials", "regular expression of password and secret field names and map keys, reported on accounts, matched in lower snake case")
	a.Flags.Var(c.tokens, "tokens", "regular expression of token and API key field names, reported on accounts that are persistence models, matched in lower snake case")
	a.Flags.Var(c.chosen, "chosen", "regular expression of secret and token names that a response type may carry on purpose when the code fills the field by naming it, matched in lower snake case")
	a.Flags.Var(c.accounts, "accounts", "regular expression of the names of structs that describe accounts")
	a.Flags.Var(c.models, "models", "regular expression of the import paths of packages whose structs are persistence models")
	a.Flags.Var(c.config, "config", `regular expression of the qualified names ("path.Name") of configuration structs, whose secrets are not reported; "^$" reports them`)
	a.Flags.BoolVar(&c.strict, "strict", false, "also report the secrets and tokens that a response type (not a persistence model) is given by naming the field, such as PrivateKey: src.PrivateKey, and the tokens and API keys of every persistence model, not only of accounts")
	return a
}

type checker struct {
	secrets, credentials, tokens, chosen, accounts, models, config *flagx.Regexp
	strict                                                         bool
}

// run is the state of the check on one package.
type run struct {
	c    *checker
	pass *analysis.Pass
	res  *respmodel.Result
	walk *walker
	// value is the JSON value being checked.
	value *jsonvalue.Value

	fields        map[*types.Var]*ast.Field // field declarations, for fixes
	fieldFixes    map[*types.Var]analysis.TextEdit
	fieldReports  map[string]*fieldReport
	decodedFields map[*types.Var]bool
	decodeUnknown bool
	reported      map[reportedKey]bool // so a literal sent twice is reported once
	copiedHere    map[*types.Var]bool  // secret fields the package fills by naming them
	copiedThere   map[ObjRef]bool      // those of the packages it imports
	leakIDs       map[*leak]int        // see reportKey
}

func (c *checker) run(pass *analysis.Pass) (any, error) {
	r := &run{
		c:    c,
		pass: pass,
		res:  pass.ResultOf[respmodel.Analyzer].(*respmodel.Result),

		reported:     make(map[reportedKey]bool),
		leakIDs:      make(map[*leak]int),
		fieldFixes:   make(map[*types.Var]analysis.TextEdit),
		fieldReports: make(map[string]*fieldReport),
	}
	r.walk = &walker{
		secrets: c.secrets, credentials: c.credentials, tokens: c.tokens, accounts: c.accounts, config: c.config, strict: c.strict,
		models: &models{pkgs: c.models}, names: make(map[string]kind), configs: make(map[*types.TypeName]bool), decoded: r.decodedField,
		pkg: pass.Pkg, importFact: pass.ImportObjectFact, objRefs: make(map[types.Object]ObjRef), resolved: make(map[ObjRef]types.Object), pkgs: make(map[string]*types.Package),
	}
	r.copies()
	for _, f := range r.res.Funcs {
		for _, ev := range slices.Concat(f.Events, f.Wrapped) {
			if ev.Kind == respmodel.WriteBody && ev.Body == respmodel.BodyJSON && ev.JSON != nil {
				r.check(ev)
			}
		}
	}
	r.exportFacts()
	return nil, nil
}

// check reports what one JSON body writes that it should not: the value
// itself, unless a helper writes it and is reported itself, and the
// arguments a helper puts in its body (response.OK(c, user) writing
// Response{Data: user}).
func (r *run) check(ev *respmodel.Event) {
	if !ev.JSON.Fixed {
		r.checkValue(ev, ev.JSON)
	}
	for _, sl := range ev.JSON.Slots {
		if v := sl.Value(); v != nil {
			r.checkValue(ev, v)
		}
	}
}

// checkValue reports the leaks of serialising v, at ev.
func (r *run) checkValue(ev *respmodel.Event, v *jsonvalue.Value) {
	r.value = v
	var leaks []*leak
	if e := v.Expr(); e != nil {
		leaks = r.exprLeaks(e, nil, 0)
	} else {
		leaks = r.walk.leaks(node{v.Type(), false})
	}
	for _, a := range v.Assigned() {
		if a.Expr != nil {
			leaks = append(leaks, r.exprLeaks(a.Expr, a.Steps, 1)...)
		} else {
			leaks = append(leaks, prefixed(a.Steps, r.withoutBlanked(r.walk.leaks(node{a.Type, false}), a.Type, a.Cleared))...)
		}
	}
	if v.Echoed || v.Loaded {
		leaks = append(leaks, r.walk.echoed(node{v.Type(), false})...)
	}
	if ht := v.HelperType(); ht != nil {
		leaks = without(leaks, r.walk.leaks(node{ht, false}))
	}
	leaks = r.withoutBlanked(leaks, v.Type(), v.Cleared)
	leaks = r.withoutCopied(leaks)
	byKind := map[kind][]*leak{}
	for _, l := range leaks {
		if l.entry != nil {
			r.reportEntry(ev, l)
		} else {
			byKind[l.kind] = append(byKind[l.kind], l)
		}
	}
	for _, k := range []kind{secretKind, tokenKind} {
		if ls := byKind[k]; len(ls) > 0 {
			r.reportFields(ev, v.Type(), ls)
		}
	}
}

// without returns the leaks of a that b does not have: those a helper
// does not already report itself.
func without(a, b []*leak) []*leak {
	var out []*leak
outer:
	for _, l := range a {
		for _, m := range b {
			if l.field != nil && l.field == m.field {
				continue outer
			}
		}
		out = append(out, l)
	}
	return out
}

// withoutBlanked returns the leaks of a value of type t that can hold
// data at the write: those neither under a path that is empty there
// (paths, as jsonvalue.Value.Cleared has them) nor of a field blanked there.
func (r *run) withoutBlanked(leaks []*leak, t types.Type, paths [][]string) []*leak {
	if len(paths) == 0 {
		return leaks
	}
	cleared := make(map[*types.Var]bool)
	for _, path := range paths {
		if f := lookupPath(r.pass.Pkg, t, path); f != nil {
			cleared[f.Origin()] = true
		}
	}
	var out []*leak
	for _, l := range leaks {
		if (l.field == nil || !cleared[l.field.Origin()]) && !jsonvalue.Covers(paths, l.steps()) {
			out = append(out, l)
		}
	}
	return out
}

// lookupPath returns the field that steps (".F", "[i]", "[key]") select
// from a value of type t, or nil.
func lookupPath(pkg *types.Package, t types.Type, steps []string) *types.Var {
	var field *types.Var
	for _, step := range steps {
		for t != nil {
			p, ok := t.Underlying().(*types.Pointer)
			if !ok {
				break
			}
			t = p.Elem()
		}
		if t == nil {
			return nil
		}
		switch u := t.Underlying().(type) {
		case *types.Slice:
			t = u.Elem()
		case *types.Array:
			t = u.Elem()
		case *types.Map:
			t = u.Elem()
		default:
			obj, _, _ := types.LookupFieldOrMethod(t, true, pkg, strings.TrimPrefix(step, "."))
			if field, _ = obj.(*types.Var); field == nil {
				return nil
			}
			t = field.Type()
			continue
		}
		if !strings.HasPrefix(step, "[") {
			return nil
		}
	}
	return field
}

// maxNamed is how many leaked fields a message names, maxRelated how
// many declarations it points at.
const (
	maxNamed   = 3
	maxRelated = 10
)

// reportFields reports the fields of one kind that a JSON body writes,
// at the call that writes it.
func (r *run) reportFields(ev *respmodel.Event, root types.Type, leaks []*leak) {
	fr := r.fieldReport(root, leaks)
	r.report(analysis.Diagnostic{
		Pos:            ev.Pos(),
		End:            ev.Node().End(),
		Category:       fr.category,
		Message:        r.sink(ev) + " sends " + fr.text,
		Related:        fr.related,
		SuggestedFixes: fr.fixes,
	})
}

// A fieldReport is what a diagnostic says about a list of leaked fields,
// whichever call sends them.
type fieldReport struct {
	category, text string
	related        []analysis.RelatedInformation
	fixes          []analysis.SuggestedFix
}

// reportKey identifies a list of leaks sent as a value of some type:
// the leaks of walks (behind a literal's steps, if any), in order.
func (r *run) reportKey(root types.Type, leaks []*leak) string {
	b := []byte(types.TypeString(root, nil))
	b = append(b, strings.Join(leaks[0].prefix, "")...)
	for _, l := range leaks {
		if l.orig != nil {
			l = l.orig
		}
		id, ok := r.leakIDs[l]
		if !ok {
			id = len(r.leakIDs)
			r.leakIDs[l] = id
		}
		b = strconv.AppendInt(append(b, ' '), int64(id), 10)
	}
	return string(b)
}

// fieldReport describes the leaked fields of one kind reached from a
// value of type root, once per list of leaks.
func (r *run) fieldReport(root types.Type, leaks []*leak) *fieldReport {
	key := r.reportKey(root, leaks)
	if fr, ok := r.fieldReports[key]; ok {
		return fr
	}
	var paths []string
	for i, l := range leaks {
		if i == maxNamed {
			paths = append(paths, fmt.Sprintf("%d more", len(leaks)-maxNamed))
			break
		}
		p := fmt.Sprintf("%s as %q", pathString(l.steps()), l.key)
		if i == 0 {
			p = r.typeString(root) + " → " + p
		}
		paths = append(paths, p)
	}
	fr := &fieldReport{category: catSecret}
	what := "the secret field"
	if leaks[0].kind == tokenKind {
		what, fr.category = "the token field", catToken
	}
	if len(leaks) > 1 {
		what += "s"
	}
	text := fmt.Sprintf("%s %s to the client", what, joinAnd(paths))
	if leaks[0].kind == tokenKind {
		text += fmt.Sprintf(" (%s is a persistence model: a response that needs a token should carry it in a DTO)", r.typeString(leaks[0].decl))
	}
	if s := leaks[0].skipped; s != nil {
		text += fmt.Sprintf("; %s's MarshalJSON has a pointer receiver, which encoding/json does not call on this non-pointer value", r.typeString(s))
	}
	if r.echoedOnly(leaks) {
		// json:"-" would stop the request from filling it.
		how := ", as the request sent it"
		if !r.value.Echoed {
			how = ", as stored"
		}
		fr.text = text + how + ": respond with a DTO that leaves it out, or clear it before the write"
	} else {
		fr.text = text + `: respond with a DTO that leaves it out, or tag the field json:"-"`
	}
	for _, l := range leaks[:min(len(leaks), maxRelated)] {
		fr.related = append(fr.related, analysis.RelatedInformation{
			Pos:     l.field.Pos(),
			Message: l.field.Name() + " is declared here",
		})
	}
	if fix := r.fix(leaks); fix != nil {
		fr.fixes = []analysis.SuggestedFix{*fix}
	}
	r.fieldReports[key] = fr
	return fr
}

// echoedOnly reports whether every leak is a request's password that a
// value decoded from the request, or loaded from storage, writes back.
func (r *run) echoedOnly(leaks []*leak) bool {
	for _, l := range leaks {
		if !r.walk.dropped(l) {
			return false
		}
	}
	return true
}

// reportEntry reports a map literal entry that writes a secret.
func (r *run) reportEntry(ev *respmodel.Event, l *leak) {
	var msg string
	if l.field != nil {
		msg = fmt.Sprintf("map sent as JSON by %s writes the secret field %s under %q", r.sink(ev), l.field.Name(), l.key)
	} else {
		msg = fmt.Sprintf("map sent as JSON by %s has the secret key %q", r.sink(ev), l.key)
	}
	if steps := l.steps(); len(steps) > 1 {
		msg += " at " + strings.Join(steps, "")
	}
	msg += ": hand-built response maps must leave secrets out; remove the entry"
	d := analysis.Diagnostic{Pos: l.entry.Pos(), End: l.entry.End(), Category: catMap, Message: msg}
	if l.field != nil {
		d.Related = []analysis.RelatedInformation{{Pos: l.field.Pos(), Message: fmt.Sprintf("%s is declared here", l.field.Name())}}
	}
	r.report(d)
}

func (r *run) report(d analysis.Diagnostic) {
	key := reportedKey{d.Pos, d.Message}
	if r.reported[key] {
		return
	}
	r.reported[key] = true
	r.pass.Report(d)
}

// reportedKey identifies a diagnostic by position and message.
type reportedKey struct {
	pos token.Pos
	msg string
}

// sink names the call that writes the JSON body.
func (r *run) sink(ev *respmodel.Event) string {
	if ev.Via != "" {
		return ev.Via
	}
	name := types.ExprString(ev.Call().Fun)
	if len(name) > 40 {
		if sel, ok := ast.Unparen(ev.Call().Fun).(*ast.SelectorExpr); ok {
			name = sel.Sel.Name
		}
	}
	if ev.JSON.Marshalled {
		name += " of json.Marshal output"
	}
	return name
}

// typeString writes t qualified by package names, except for this
// package's types.
func (r *run) typeString(t types.Type) string {
	return types.TypeString(t, func(p *types.Package) string {
		if p == r.pass.Pkg {
			return ""
		}
		return p.Name()
	})
}
