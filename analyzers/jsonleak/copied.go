package jsonleak

import (
	"cmp"
	"go/ast"
	"go/token"
	"go/types"
	"slices"
	"strings"

	"golang.org/x/tools/go/analysis/passes/inspect"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/resplint/resplint/analyzers/internal/names"
)

// A DTO that the code fills with a secret by naming the field is sent
// on purpose: the author wrote PrivateKey: src.PrivateKey, or
// dto.APIKey = key, in a type built to be sent. Such a field is not
// reported unless -strict is set when
//
//   - its struct is not a persistence model by its tags (no gorm, db,
//     bson or sql tag, no embedded gorm.Model): a struct of a models
//     package without tags, filled field by field from another value,
//     is a view of that value, not a record the database fills;
//   - the field is a secret a response may carry on purpose (-chosen: a
//     private key, a secret, an MFA secret, recovery codes, a token, an
//     API key), not a password, a password hash, a salt or card data,
//     which no response needs;
//   - some composite literal of the program names the field with a
//     value that is not a constant, or some assignment to the field
//     gives it such a value, in the analysed package or one it imports
//     (CopiesFact).
//
// What fills a DTO without naming the field (copier.Copy, json.Unmarshal,
// a database scan, an embedded model) is no such choice.

// CopiesFact is exported for a package that fills secret fields of
// structs by naming them (see copied.go): the fields, by object path.
type CopiesFact struct {
	Fields []ObjRef
	Names  []string // the fields' names, for String
}

func (*CopiesFact) AFact() {}

func (f *CopiesFact) String() string {
	return "copies " + strings.Join(f.Names, ", ")
}

// copies records the secret fields the package fills by naming them,
// exports them as a CopiesFact, and gathers those of the packages it
// imports.
func (r *run) copies() {
	r.copiedHere = make(map[*types.Var]bool)
	r.copiedThere = make(map[ObjRef]bool)
	for _, pf := range r.pass.AllPackageFacts() {
		if f, ok := pf.Fact.(*CopiesFact); ok {
			for _, ref := range f.Fields {
				r.copiedThere[ref] = true
			}
		}
	}
	info := r.pass.TypesInfo
	record := func(obj types.Object, owner types.Type, value ast.Expr) {
		f, ok := obj.(*types.Var)
		if !ok || owner == nil || !f.IsField() || r.walk.match(f.Name()) == 0 || !r.chosen(f.Name()) || tagged(owner, 0) {
			return
		}
		if tv, ok := info.Types[value]; ok && (tv.Value != nil || tv.IsNil()) {
			return // a constant or nil blanks the field
		}
		r.copiedHere[f.Origin()] = true
	}
	insp := r.pass.ResultOf[inspect.Analyzer].(*inspector.Inspector)
	for n := range insp.PreorderSeq((*ast.CompositeLit)(nil), (*ast.AssignStmt)(nil)) {
		switch n := n.(type) {
		case *ast.CompositeLit:
			t := info.TypeOf(n)
			if t == nil {
				continue
			}
			if _, ok := t.Underlying().(*types.Struct); !ok {
				continue
			}
			for _, elt := range n.Elts {
				if kv, ok := elt.(*ast.KeyValueExpr); ok {
					if key, ok := kv.Key.(*ast.Ident); ok {
						record(info.Uses[key], t, kv.Value)
					}
				}
			}
		case *ast.AssignStmt:
			if n.Tok != token.ASSIGN || len(n.Lhs) != len(n.Rhs) {
				continue
			}
			for i, lhs := range n.Lhs {
				if sel, ok := ast.Unparen(lhs).(*ast.SelectorExpr); ok {
					if s := info.Selections[sel]; s != nil && s.Kind() == types.FieldVal {
						record(s.Obj(), owner(s), n.Rhs[i])
					}
				}
			}
		}
	}
	var fact CopiesFact
	for f := range r.copiedHere {
		if ref, ok := r.walk.ref(f); ok {
			fact.Fields = append(fact.Fields, ref)
			fact.Names = append(fact.Names, f.Name())
		}
	}
	if len(fact.Fields) > 0 {
		slices.SortFunc(fact.Fields, func(a, b ObjRef) int {
			return cmp.Or(cmp.Compare(a.Pkg, b.Pkg), cmp.Compare(a.Path, b.Path))
		})
		slices.Sort(fact.Names)
		r.pass.ExportPackageFact(&fact)
	}
}

// owner returns the struct type that declares the field a selection
// selects: its receiver's type, or an embedded struct's.
func owner(s *types.Selection) types.Type {
	t := s.Recv()
	for _, i := range s.Index()[:len(s.Index())-1] {
		if p, ok := t.Underlying().(*types.Pointer); ok {
			t = p.Elem()
		}
		st, ok := t.Underlying().(*types.Struct)
		if !ok {
			return nil
		}
		t = st.Field(i).Type()
	}
	if p, ok := t.Underlying().(*types.Pointer); ok {
		t = p.Elem()
	}
	return t
}

// withoutCopied returns the leaks that are not a DTO's secret the code
// filled on purpose (see copied.go); with -strict, all of them.
func (r *run) withoutCopied(leaks []*leak) []*leak {
	if r.c.strict {
		return leaks
	}
	return slices.DeleteFunc(slices.Clone(leaks), r.copied)
}

// copied reports whether l is a field the code filled on purpose in a
// struct that is not a persistence model by its tags.
func (r *run) copied(l *leak) bool {
	if l.entry != nil || l.field == nil || l.decl == nil || tagged(l.decl, 0) {
		return false
	}
	if !r.chosen(l.field.Name()) || l.key != "" && r.walk.match(l.key) != 0 && !r.chosen(l.key) {
		return false
	}
	f := l.field.Origin()
	if r.copiedHere[f] {
		return true
	}
	ref, ok := r.walk.ref(f)
	return ok && r.copiedThere[ref]
}

// chosen reports whether a field or JSON key names a secret that a
// response type may carry on purpose (-chosen).
func (r *run) chosen(name string) bool {
	return r.c.chosen.MatchString(names.Snake(name))
}
