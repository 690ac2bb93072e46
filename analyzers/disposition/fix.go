package disposition

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"mime"
	"strconv"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/astutil"

	"github.com/resplint/resplint/analyzers/internal/edit"
	"github.com/resplint/resplint/analyzers/internal/httpfw"
	"github.com/resplint/resplint/analyzers/internal/respmodel"
)

// fixMissing returns the end of the message and the fix for a download
// without Content-Disposition: the framework's attachment API when the
// download is one call that has one, else a header set before the first
// write.
func fixMissing(pass *analysis.Pass, f *respmodel.Func, d *download) (string, *analysis.SuggestedFix) {
	file := respmodel.File(pass, d.ev.Pos())
	if file == nil {
		return headerHint, nil
	}
	if d.ev.Via == "" && d.ev.Call() != nil {
		if hint, edits := frameworkFix(pass, file, d); edits != nil {
			if stmt, _ := listStmt(file.Syntax, d.ev.Call()); stmt != nil {
				edits = file.Reformat(stmt, edits)
			}
			return hint, &analysis.SuggestedFix{Message: capitalize(hint), TextEdits: edits}
		}
	}
	edits := headerFix(pass, file, f, d)
	if edits == nil {
		return headerHint, nil
	}
	msg := `Set "Content-Disposition: attachment" before the first write`
	if d.filename != "" {
		msg = `Set "Content-Disposition: attachment" with filename ` + quote(d.filename) + ` before the first write`
	}
	return headerHint, &analysis.SuggestedFix{Message: msg, TextEdits: edits}
}

const headerHint = `set "Content-Disposition: attachment" before the first write`

// frameworkFix turns the download call into the framework's attachment
// API: gin's File into FileAttachment, echo's File into Attachment,
// fiber's SendFile into Download (or, with a v3 config literal, adds
// Download: true), and gives gin's DataFromReader the header in its extra
// headers.
func frameworkFix(pass *analysis.Pass, file *edit.File, d *download) (string, []analysis.TextEdit) {
	call := d.ev.Call()
	sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	if !ok || call.Ellipsis.IsValid() {
		return "", nil
	}
	fw, method := httpfw.Of(d.ev.Framework), sel.Sel.Name
	switch {
	case d.ev.Body == respmodel.BodyFile && method == fw.FileAttachment[0] && len(call.Args) == 1:
		name, imp := filenameExpr(pass, file, call.Args[0], d.filename)
		if name == "" {
			return "", nil
		}
		api := fw.FileAttachment[1]
		return "serve it with " + api, append(imp,
			edit.Replace(sel.Sel, api),
			analysis.TextEdit{Pos: call.Rparen, End: call.Rparen, NewText: []byte(", " + name)})
	case d.ev.Body == respmodel.BodyFile && method == fw.Download[0]:
		switch len(call.Args) {
		case 1:
			return "serve it with " + fw.Download[1], []analysis.TextEdit{edit.Replace(sel.Sel, fw.Download[1])}
		case 2:
			if lit, ok := ast.Unparen(call.Args[1]).(*ast.CompositeLit); ok && fw.DownloadConfig != "" {
				return "add " + fw.DownloadConfig + " to the " + method + " config", []analysis.TextEdit{file.AddField(lit, fw.DownloadConfig)}
			}
		}
	case d.ev.Kind == respmodel.SetHeader && method == fw.ExtraHeaders && len(call.Args) > 0:
		const entry = `"Content-Disposition": "attachment"`
		hint := "pass Content-Disposition in " + method + "'s extra headers"
		switch x := ast.Unparen(call.Args[len(call.Args)-1]).(type) {
		case *ast.CompositeLit:
			return hint, []analysis.TextEdit{file.AddField(x, entry)}
		case *ast.Ident:
			if tv := pass.TypesInfo.Types[x]; tv.IsNil() {
				return hint, []analysis.TextEdit{edit.Replace(x, "map[string]string{"+entry+"}")}
			}
		}
	}
	return "", nil
}

// filenameExpr returns the Go expression of the name a file is saved as:
// the constant base name, or filepath.Base of the path when the path is an
// expression without calls and filepath names the package there.
func filenameExpr(pass *analysis.Pass, file *edit.File, path ast.Expr, name string) (string, []analysis.TextEdit) {
	if name != "" {
		return strconv.Quote(name), nil
	}
	if !pure(path) {
		return "", nil
	}
	if obj := lookup(pass, path.Pos(), "filepath"); obj != nil {
		if pn, ok := obj.(*types.PkgName); !ok || pn.Imported().Path() != "path/filepath" {
			return "", nil
		}
	}
	pkg, imp := file.Import("path/filepath", "filepath")
	if pkg != "filepath" {
		return "", nil
	}
	return "filepath.Base(" + file.Text(path) + ")", imp
}

// pure reports whether e has no calls, so that repeating it changes
// nothing.
func pure(e ast.Expr) bool {
	ok := true
	ast.Inspect(e, func(n ast.Node) bool {
		switch n.(type) {
		case *ast.CallExpr, *ast.FuncLit, *ast.UnaryExpr:
			ok = false
		}
		return ok
	})
	return ok
}

// lookup returns what name denotes at pos.
func lookup(pass *analysis.Pass, pos token.Pos, name string) types.Object {
	scope := pass.Pkg.Scope().Innermost(pos)
	if scope == nil {
		return nil
	}
	_, obj := scope.LookupParent(name, pos)
	return obj
}

// headerFix sets Content-Disposition through f's response parameter
// (fiber: its Attachment method), before the first write of the
// download's statement list, or right after the statement that sets its
// Content-Type.
func headerFix(pass *analysis.Pass, file *edit.File, f *respmodel.Func, d *download) []analysis.TextEdit {
	sig, params := signature(pass, f)
	if sig == nil {
		return nil
	}
	i := responseParam(sig)
	if i < 0 || i >= len(params) || params[i] == "" || params[i] == "_" {
		return nil
	}
	value := "attachment"
	if d.filename != "" {
		if v := mime.FormatMediaType("attachment", map[string]string{"filename": d.filename}); v != "" {
			value = v
		}
	}
	var stmt string
	w, v := params[i], goString(value)
	fw := httpfw.Of(httpfw.ResponseParam(sig.Params().At(i).Type()))
	switch {
	case fw.Attachment != "":
		name := ""
		if d.filename != "" {
			name = quote(d.filename)
		}
		stmt = fmt.Sprintf(fw.Attachment, w, name)
	case fw.SetHeader != "":
		stmt = fmt.Sprintf(fw.SetHeader, w, `"Content-Disposition"`, v)
	default:
		stmt = fmt.Sprintf(httpfw.Of(httpfw.NetHTTP).SetHeader, w, `"Content-Disposition"`, v)
	}
	at, list := listStmt(file.Syntax, d.ev.Node())
	if at == nil {
		return nil
	}
	// A Content-Type set on its own is followed by the new header; one
	// that a body call sets (gin's Data, echo's Blob) is preceded by it.
	after := d.ev.Kind == respmodel.SetHeader && d.ev.Via == ""
	for _, ev := range f.Events {
		if ev.Kind == respmodel.WriteBody && ev.Node() == d.ev.Node() {
			after = false
		}
	}
	if !d.ev.Framework.Buffers() {
		// The header must come before any earlier write in the same list.
		for _, ev := range f.Events {
			if ev.Pos() >= d.ev.Pos() || ev.Kind != respmodel.WriteBody && ev.Kind != respmodel.WriteStatus {
				continue
			}
			if s, l := listStmt(file.Syntax, ev.Node()); s != nil && l == list && s.Pos() < at.Pos() {
				at, after = s, false
			}
		}
	}
	if after {
		return []analysis.TextEdit{file.InsertAfter(at, stmt)}
	}
	return []analysis.TextEdit{file.InsertBefore(at, stmt)}
}

// signature returns f's signature and parameter names.
func signature(pass *analysis.Pass, f *respmodel.Func) (*types.Signature, []string) {
	var ft *ast.FuncType
	var sig *types.Signature
	switch n := f.Node.(type) {
	case *ast.FuncDecl:
		ft = n.Type
		if fn, ok := pass.TypesInfo.Defs[n.Name].(*types.Func); ok {
			sig = fn.Signature()
		}
	case *ast.FuncLit:
		ft = n.Type
		sig, _ = pass.TypesInfo.TypeOf(n).(*types.Signature)
	}
	if sig == nil || ft.Params == nil {
		return nil, nil
	}
	var names []string
	for _, field := range ft.Params.List {
		if len(field.Names) == 0 {
			names = append(names, "")
		}
		for _, id := range field.Names {
			names = append(names, id.Name)
		}
	}
	return sig, names
}

// listStmt returns the innermost statement around n that belongs to a
// statement list, and the node holding that list.
func listStmt(file *ast.File, n ast.Node) (ast.Stmt, ast.Node) {
	path, _ := astutil.PathEnclosingInterval(file, n.Pos(), n.End())
	for i := 0; i+1 < len(path); i++ {
		s, ok := path[i].(ast.Stmt)
		if !ok {
			continue
		}
		switch path[i+1].(type) {
		case *ast.BlockStmt, *ast.CaseClause, *ast.CommClause:
			return s, path[i+1]
		case *ast.FuncDecl, *ast.FuncLit:
			return nil, nil
		}
	}
	return nil, nil
}

func quote(s string) string { return strconv.Quote(s) }

// goString writes s as a Go string literal, raw if that spares escapes.
func goString(s string) string {
	if q := strconv.Quote(s); !strings.Contains(q, `\`) || strings.ContainsAny(s, "`\n\r") || !strconv.CanBackquote(s) {
		return q
	}
	return "`" + s + "`"
}

func capitalize(s string) string {
	if s == "" {
		return s
	}
	return string(s[0]-'a'+'A') + s[1:]
}
