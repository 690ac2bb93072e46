package jsonleak

import (
	"go/ast"
	"go/types"
	"strconv"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/inspect"
	"golang.org/x/tools/go/ast/inspector"
	"golang.org/x/tools/go/types/typeutil"

	"github.com/resplint/resplint/analyzers/internal/jsontype"
)

// fix returns the suggested fix that tags the leaked fields json:"-",
// limited to fields declared in this package that it never decodes from
// JSON: tagging a field that a request body fills would break that
// request (a sign-up form's Password).
func (r *run) fix(leaks []*leak) *analysis.SuggestedFix {
	var names []string
	var edits []analysis.TextEdit
	for _, l := range leaks {
		if l.field == nil {
			continue
		}
		edit, ok := r.fieldFix(l.field.Origin())
		if !ok {
			continue
		}
		name := l.field.Name()
		if n, ok := types.Unalias(l.decl).(*types.Named); ok {
			name = n.Obj().Name() + "." + name
		}
		names = append(names, name)
		edits = append(edits, edit)
	}
	if len(edits) == 0 {
		return nil
	}
	return &analysis.SuggestedFix{
		Message:   `Add json:"-" to ` + joinAnd(names),
		TextEdits: edits,
	}
}

// fieldFix returns, once per field, the edit that tags it json:"-", if
// it may be tagged.
func (r *run) fieldFix(v *types.Var) (analysis.TextEdit, bool) {
	if e, ok := r.fieldFixes[v]; ok {
		return e, e.NewText != nil
	}
	var edit analysis.TextEdit
	if v.Pkg() == r.pass.Pkg && !r.decoded(v) {
		// A tag on "A, B string" would hide both.
		if f := r.fieldDecl(v); f != nil && len(f.Names) == 1 {
			edit, _ = tagEdit(f)
		}
	}
	r.fieldFixes[v] = edit
	return edit, edit.NewText != nil
}

// tagEdit returns the edit that makes f's json tag "-", keeping its other
// keys.
func tagEdit(f *ast.Field) (analysis.TextEdit, bool) {
	if f.Tag == nil {
		return analysis.TextEdit{Pos: f.Type.End(), End: f.Type.End(), NewText: []byte(" `json:\"-\"`")}, true
	}
	tag, err := strconv.Unquote(f.Tag.Value)
	if err != nil {
		return analysis.TextEdit{}, false
	}
	pairs, ok := parseTag(tag)
	if !ok {
		return analysis.TextEdit{}, false
	}
	found := false
	for i := range pairs {
		if pairs[i][0] == "json" {
			pairs[i][1], found = "-", true
		}
	}
	if !found {
		pairs = append(pairs, [2]string{"json", "-"})
	}
	var b strings.Builder
	for i, p := range pairs {
		if i > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(p[0] + ":" + strconv.Quote(p[1]))
	}
	text := b.String()
	if strings.HasPrefix(f.Tag.Value, "`") && strconv.CanBackquote(text) {
		text = "`" + text + "`"
	} else {
		text = strconv.Quote(text)
	}
	return analysis.TextEdit{Pos: f.Tag.Pos(), End: f.Tag.End(), NewText: []byte(text)}, true
}

// parseTag splits a struct tag into its key:"value" pairs, by the rules
// of reflect.StructTag.Lookup, and reports whether it is well formed.
func parseTag(tag string) ([][2]string, bool) {
	var pairs [][2]string
	for {
		tag = strings.TrimLeft(tag, " ")
		if tag == "" {
			return pairs, true
		}
		i := 0
		for i < len(tag) && tag[i] > ' ' && tag[i] != ':' && tag[i] != '"' && tag[i] != 0x7f {
			i++
		}
		if i == 0 || i+1 >= len(tag) || tag[i] != ':' || tag[i+1] != '"' {
			return nil, false
		}
		key := tag[:i]
		tag = tag[i+1:]
		i = 1
		for i < len(tag) && tag[i] != '"' {
			if tag[i] == '\\' {
				i++
			}
			i++
		}
		if i >= len(tag) {
			return nil, false
		}
		value, err := strconv.Unquote(tag[:i+1])
		if err != nil {
			return nil, false
		}
		pairs = append(pairs, [2]string{key, value})
		tag = tag[i+1:]
	}
}

// fieldDecl returns the declaration of a struct field of this package.
func (r *run) fieldDecl(v *types.Var) *ast.Field {
	if r.fields == nil {
		r.fields = make(map[*types.Var]*ast.Field)
		insp := r.pass.ResultOf[inspect.Analyzer].(*inspector.Inspector)
		for n := range insp.PreorderSeq((*ast.StructType)(nil)) {
			for _, f := range n.(*ast.StructType).Fields.List {
				for _, id := range f.Names {
					if fv, ok := r.pass.TypesInfo.Defs[id].(*types.Var); ok {
						r.fields[fv] = f
					}
				}
			}
		}
	}
	return r.fields[v]
}

// decoded reports whether the package may decode JSON into field v: a
// type it decodes into reaches v, or it decodes into a value of unknown
// type.
func (r *run) decoded(v *types.Var) bool {
	return r.decodedField(v) || r.decodeUnknown
}

// decodedField reports whether a type the package decodes JSON into
// reaches field v. Decoding ignores MarshalJSON, so the walk follows
// every field.
func (r *run) decodedField(v *types.Var) bool {
	if r.decodedFields == nil {
		r.decodedFields = make(map[*types.Var]bool)
		var seen typeutil.Map
		var walk func(t types.Type)
		walk = func(t types.Type) {
			if t == nil || seen.At(t) != nil {
				return
			}
			seen.Set(t, true)
			switch u := t.Underlying().(type) {
			case *types.Pointer:
				walk(u.Elem())
			case *types.Slice:
				walk(u.Elem())
			case *types.Array:
				walk(u.Elem())
			case *types.Map:
				walk(u.Elem())
			case *types.Struct:
				for _, f := range jsontype.Fields(t) {
					r.decodedFields[f.Var().Origin()] = true
					walk(f.Var().Type())
				}
			}
		}
		for _, t := range r.res.Decoded {
			if t == nil {
				r.decodeUnknown = true
			}
			walk(t)
		}
	}
	return r.decodedFields[v.Origin()]
}

// joinAnd joins names as "a", "a and b", "a, b and c".
func joinAnd(names []string) string {
	if len(names) < 2 {
		return strings.Join(names, "")
	}
	return strings.Join(names[:len(names)-1], ", ") + " and " + names[len(names)-1]
}
