package disposition

import (
	"go/ast"
	"go/types"
	"strconv"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/resplint/resplint/analyzers/internal/edit"
	"github.com/resplint/resplint/analyzers/internal/respmodel"
)

// A param is the disposition type (name "") or one parameter of a
// Content-Disposition value, as parts.
type param struct {
	name  string // lower case; "?" when not constant
	value []respmodel.Part
}

// checkUnescaped reports a Content-Disposition value built by + or
// fmt.Sprintf whose filename or filename* parameter inserts a string
// computed at run time as it is. A name that a function receives as a
// parameter is reported at the calls that pass a raw one; a value built in
// a variable, once.
func checkUnescaped(pass *analysis.Pass, ev *respmodel.Event, reported map[ast.Expr]bool) {
	raw := rawFilename(ev.Value.Template())
	if raw < 0 {
		return
	}
	if h := ev.Helper(); h != nil && rawFilename(h.Value.Template()) >= 0 {
		return // reported in the helper
	}
	parts, root := ev.Value.Parts()
	if ev.Helper() == nil && root != nil {
		if reported[root] {
			return
		}
		reported[root] = true
	}
	how := "by " + ev.Via
	if _, ok := root.(*ast.CallExpr); ok {
		how = "with fmt.Sprintf"
	} else if root != nil {
		how = "with +"
	}
	if ev.Via != "" && root != nil && (root.Pos() < ev.Node().Pos() || root.End() > ev.Node().End()) {
		how += " in " + ev.Via
	}
	subject := "a file name"
	if e := rawExpr(ev, parts, raw); e != nil {
		if f := respmodel.File(pass, e.Pos()); f != nil {
			subject = "the file name " + f.Text(e)
		}
	}
	d := analysis.Diagnostic{
		Pos:      ev.Pos(),
		End:      ev.Node().End(),
		Category: catUnescaped,
		Message: "Content-Disposition built " + how + " from " + subject + " computed at run time: " +
			`quotes, ";", line breaks or non-ASCII characters in it break the header, and a name an attacker ` +
			"chooses can add parameters (reflected file download); build it with mime.FormatMediaType or httpsafe.Attachment",
	}
	if root != nil {
		if pass.Fset.Position(root.Pos()).Line != pass.Fset.Position(ev.Pos()).Line {
			d.Related = []analysis.RelatedInformation{{Pos: root.Pos(), End: root.End(), Message: "the value is built here"}}
		}
		d.SuggestedFixes = escapeFixes(pass, root, splitParams(parts))
	}
	pass.Report(d)
}

// rawFilename returns the index among the holes of a Content-Disposition
// template of the first raw hole in its filename (else filename*)
// parameter, or -1.
func rawFilename(template string) int {
	if template == "" {
		return -1
	}
	var parts []respmodel.Part
	holes := 0
	for t := template; t != ""; {
		i := strings.IndexAny(t, respmodel.Holes)
		switch {
		case i < 0:
			parts, t = append(parts, respmodel.Part{Text: t, Param: -1}), ""
		case i > 0:
			parts, t = append(parts, respmodel.Part{Text: t[:i], Param: -1}), t[i:]
		default:
			// The hole's index goes in Param, to find it below.
			parts = append(parts, respmodel.Part{Hole: true, Raw: t[:1] == respmodel.RawHole, Param: holes})
			holes, t = holes+1, t[1:]
		}
	}
	params := splitParams(parts)
	for _, name := range []string{"filename", "filename*"} {
		if p := findParam(params, name); p != nil {
			for _, part := range p.value {
				if part.Raw {
					return part.Param
				}
			}
		}
	}
	return -1
}

// rawExpr returns the expression of the raw hole with the given index:
// from the syntax of a value built in this package or, for a parameter of
// a helper, the call's argument.
func rawExpr(ev *respmodel.Event, parts []respmodel.Part, hole int) ast.Expr {
	var holes []respmodel.Part
	for _, p := range parts {
		if p.Hole {
			holes = append(holes, p)
		}
	}
	if hole < len(holes) && holes[hole].Param < 0 {
		return holes[hole].Expr
	}
	h := ev.Helper()
	if h == nil || ev.Call() == nil {
		if hole < len(holes) {
			return holes[hole].Expr
		}
		return nil
	}
	// The hole is the k-th parameter hole of the helper's value.
	t, params := h.Value.Template(), h.Value.HoleParams()
	k, n := 0, 0
	for i := 0; i < len(t); i++ {
		switch t[i : i+1] {
		case respmodel.ParamHole:
			if n == hole && k < len(params) && params[k] < len(ev.Call().Args) {
				return ev.Call().Args[params[k]]
			}
			k, n = k+1, n+1
		case respmodel.RawHole, respmodel.SafeHole:
			n++
		}
	}
	return nil
}

// splitParams splits a Content-Disposition value at the semicolons of its
// constant text outside quoted strings.
func splitParams(parts []respmodel.Part) []param {
	var segs [][]respmodel.Part
	var cur []respmodel.Part
	quoted, escaped := false, false
	for _, p := range parts {
		if p.Hole {
			cur = append(cur, p)
			continue
		}
		start := 0
		for i := 0; i < len(p.Text); i++ {
			switch c := p.Text[i]; {
			case escaped:
				escaped = false
			case c == '\\' && quoted:
				escaped = true
			case c == '"':
				quoted = !quoted
			case c == ';' && !quoted:
				if i > start {
					cur = append(cur, respmodel.Part{Text: p.Text[start:i]})
				}
				segs, cur, start = append(segs, cur), nil, i+1
			}
		}
		if start < len(p.Text) {
			cur = append(cur, respmodel.Part{Text: p.Text[start:]})
		}
	}
	segs = append(segs, cur)
	out := []param{{value: segs[0]}}
	if len(segs[0]) > 0 && !segs[0][0].Hole && strings.Contains(segs[0][0].Text, "=") {
		out[0].value = nil // `filename="%s"` alone: parameters without a disposition type
	} else {
		segs = segs[1:]
	}
	for _, seg := range segs {
		p := param{name: "?", value: seg}
		if len(seg) > 0 && !seg[0].Hole {
			if k, v, ok := strings.Cut(seg[0].Text, "="); ok {
				p.name = strings.ToLower(strings.TrimSpace(k))
				p.value = seg[1:]
				if v != "" {
					p.value = append([]respmodel.Part{{Text: v}}, p.value...)
				}
			}
		}
		out = append(out, p)
	}
	return out
}

func findParam(ps []param, name string) *param {
	for i := range ps[1:] {
		if ps[i+1].name == name {
			return &ps[i+1]
		}
	}
	return nil
}

// escapeFixes replaces the built value by mime.FormatMediaType (standard
// library) or httpsafe.ContentDisposition, with the same disposition type
// and file name, when every part can be written as a Go expression.
func escapeFixes(pass *analysis.Pass, root ast.Expr, params []param) []analysis.SuggestedFix {
	file := respmodel.File(pass, root.Pos())
	if file == nil {
		return nil
	}
	w := &exprWriter{pass: pass, file: file}
	typ := w.expr(trimValue(params[0].value, false))
	var keys []string
	vals := make(map[string]string)
	for _, p := range params[1:] {
		if p.name == "?" {
			return nil
		}
		if p.name == "filename*" && findParam(params, "filename") != nil {
			continue
		}
		key := strings.TrimSuffix(p.name, "*")
		keys = append(keys, key)
		vals[key] = w.expr(trimValue(p.value, p.name != key))
	}
	if w.failed || typ == "" {
		return nil
	}
	stmt, _ := listStmt(file.Syntax, root)
	var fixes []analysis.SuggestedFix
	add := func(msg, text string, imps []analysis.TextEdit) {
		edits := append(imps, edit.Replace(root, text))
		if stmt != nil {
			edits = file.Reformat(stmt, edits)
		}
		fixes = append(fixes, analysis.SuggestedFix{Message: msg, TextEdits: edits})
	}
	if text, imps, ok := w.call(root, "mime", "mime", func(mime string) string {
		var m []string
		for _, k := range keys {
			m = append(m, strconv.Quote(k)+": "+vals[k])
		}
		return mime + ".FormatMediaType(" + typ + ", map[string]string{" + strings.Join(m, ", ") + "})"
	}); ok {
		add("Build the value with mime.FormatMediaType", text, imps)
	}
	if len(keys) == 1 && keys[0] == "filename" {
		if text, imps, ok := w.call(root, "github.com/resplint/resplint/httpsafe", "httpsafe", func(hs string) string {
			return hs + ".ContentDisposition(" + typ + ", " + vals["filename"] + ")"
		}); ok {
			add("Build the value with httpsafe.ContentDisposition", text, imps)
		}
	}
	return fixes
}

// trimValue removes the white space and quotes around a parameter value
// and, for an RFC 8187 value (filename*), its charset and language.
func trimValue(parts []respmodel.Part, ext bool) []respmodel.Part {
	out := append([]respmodel.Part(nil), parts...)
	if len(out) > 0 && !out[0].Hole {
		t := strings.TrimLeft(out[0].Text, " \t")
		if ext {
			if i := strings.Index(t, "'"); i >= 0 {
				if j := strings.Index(t[i+1:], "'"); j >= 0 {
					t = t[i+j+2:]
				}
			}
		}
		out[0].Text = strings.TrimPrefix(t, `"`)
	}
	if n := len(out) - 1; n >= 0 && !out[n].Hole {
		out[n].Text = strings.TrimSuffix(strings.TrimRight(out[n].Text, " \t"), `"`)
	}
	return out
}

// exprWriter writes parts as a Go string expression.
type exprWriter struct {
	pass   *analysis.Pass
	file   *edit.File
	holes  []ast.Expr // the expressions copied
	sprint bool       // fmt.Sprint is used
	failed bool
}

// expr returns the Go expression that concatenates parts, or "" (and
// failed) when a part cannot be written: a format verb other than %s, %v,
// %q or %d, or text with escapes.
func (w *exprWriter) expr(parts []respmodel.Part) string {
	var terms []string
	for _, p := range parts {
		switch {
		case !p.Hole:
			if strings.ContainsAny(p.Text, `\"`) {
				w.failed = true
			}
			if p.Text != "" {
				terms = append(terms, strconv.Quote(p.Text))
			}
		case p.Expr == nil || !strings.ContainsRune("\x00svqd", p.Verb):
			w.failed = true
		default:
			f := respmodel.File(w.pass, p.Expr.Pos())
			if f == nil {
				w.failed = true
				continue
			}
			text := f.Text(p.Expr)
			w.holes = append(w.holes, p.Expr)
			if !isString(w.pass.TypesInfo.TypeOf(p.Expr)) {
				// Only a fmt.Sprintf value has such parts: fmt is imported.
				fmtName, _ := w.file.Import("fmt", "fmt")
				text = fmtName + ".Sprint(" + text + ")"
				w.sprint = true
			}
			terms = append(terms, text)
		}
	}
	if len(terms) == 0 {
		w.failed = true
	}
	return strings.Join(terms, " + ")
}

// call builds the replacement of root with the package path (imported as
// name unless the file already imports it), and the import edits: the
// import of path, and the removal of fmt's when root was its last use.
func (w *exprWriter) call(root ast.Expr, path, name string, build func(pkg string) string) (string, []analysis.TextEdit, bool) {
	if obj := lookup(w.pass, root.Pos(), name); obj != nil {
		if pn, ok := obj.(*types.PkgName); !ok || pn.Imported().Path() != path {
			return "", nil, false
		}
	}
	pkg, imps := w.file.Import(path, name)
	if w.lastFmt(root) {
		pkg, imps = w.file.ImportInstead("fmt", path, name)
	}
	return build(pkg), imps, true
}

// lastFmt reports whether replacing root removes the file's last use of
// fmt.
func (w *exprWriter) lastFmt(root ast.Expr) bool {
	if w.sprint {
		return false
	}
	for _, imp := range w.file.Syntax.Imports {
		pn := w.pass.TypesInfo.PkgNameOf(imp)
		if pn == nil || pn.Imported().Path() != "fmt" {
			continue
		}
		uses := countUses(w.pass.TypesInfo, w.file.Syntax, pn) - countUses(w.pass.TypesInfo, root, pn)
		for _, h := range w.holes {
			if root.Pos() <= h.Pos() && h.End() <= root.End() {
				uses += countUses(w.pass.TypesInfo, h, pn)
			}
		}
		return uses == 0
	}
	return false
}

func isString(t types.Type) bool {
	if t == nil {
		return false
	}
	b, ok := t.Underlying().(*types.Basic)
	return ok && b.Info()&types.IsString != 0
}

// countUses counts the references to pkg in n.
func countUses(info *types.Info, n ast.Node, pkg *types.PkgName) int {
	c := 0
	ast.Inspect(n, func(x ast.Node) bool {
		if id, ok := x.(*ast.Ident); ok && info.Uses[id] == pkg {
			c++
		}
		return true
	})
	return c
}
