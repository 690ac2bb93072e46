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
// computed at run time as it is. A value built in a helper is reported
// there, not at its callers; one built in a variable, once.
func checkUnescaped(pass *analysis.Pass, ev *respmodel.Event, reported map[ast.Expr]bool) {
	parts, root := ev.Value.Parts()
	if parts == nil || reported[root] {
		return
	}
	if ev.Via != "" && (root.Pos() < ev.Node().Pos() || root.End() > ev.Node().End()) {
		return
	}
	params := splitParams(parts)
	name := findParam(params, "filename")
	if name == nil || !hasRaw(name.value) {
		name = findParam(params, "filename*")
	}
	if name == nil || !hasRaw(name.value) {
		return
	}
	reported[root] = true
	how := "+"
	if _, ok := root.(*ast.CallExpr); ok {
		how = "fmt.Sprintf"
	}
	subject := "a file name"
	for _, p := range name.value {
		if p.Raw && p.Expr != nil {
			if f := edit.ForPos(pass, p.Expr.Pos()); f != nil {
				subject = "the file name " + f.Text(p.Expr)
			}
			break
		}
	}
	d := analysis.Diagnostic{
		Pos:      ev.Pos(),
		End:      ev.Node().End(),
		Category: "unescaped",
		Message: "Content-Disposition built with " + how + " from " + subject + " computed at run time: " +
			`quotes, ";", line breaks or non-ASCII characters in it break the header, and a name an attacker ` +
			"chooses can add parameters (reflected file download); build it with mime.FormatMediaType or httpsafe.Attachment",
	}
	if pass.Fset.Position(root.Pos()).Line != pass.Fset.Position(ev.Pos()).Line {
		d.Related = []analysis.RelatedInformation{{Pos: root.Pos(), End: root.End(), Message: "the value is built here"}}
	}
	d.SuggestedFixes = escapeFixes(pass, root, params)
	pass.Report(d)
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
	for _, seg := range segs[1:] {
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

func hasRaw(parts []respmodel.Part) bool {
	for _, p := range parts {
		if p.Raw {
			return true
		}
	}
	return false
}

// escapeFixes replaces the built value by mime.FormatMediaType (standard
// library) or httpsafe.ContentDisposition, with the same disposition type
// and file name, when every part can be written as a Go expression.
func escapeFixes(pass *analysis.Pass, root ast.Expr, params []param) []analysis.SuggestedFix {
	file := edit.ForPos(pass, root.Pos())
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
			f := edit.ForPos(w.pass, p.Expr.Pos())
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
