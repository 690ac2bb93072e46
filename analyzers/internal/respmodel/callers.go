package respmodel

import (
	"go/ast"
	"go/types"
)

// callers are the calls of one function in the package.
type callers struct {
	calls []*ast.CallExpr
	funcs []ast.Node // the function each call is in
	value bool       // the function is also used as a value: callers unknown
}

// callersOf returns the calls of fn in this package, indexing them all on
// first use.
func (m *model) callersOf(fn *types.Func) *callers {
	if m.callers == nil {
		m.callers = make(map[*types.Func]*callers)
		for _, f := range m.pass.Files {
			ast.PreorderStack(f, nil, func(n ast.Node, stack []ast.Node) bool {
				id, ok := n.(*ast.Ident)
				if !ok {
					return true
				}
				g, ok := m.info.Uses[id].(*types.Func)
				if !ok {
					return true
				}
				c := m.callers[g.Origin()]
				if c == nil {
					c = new(callers)
					m.callers[g.Origin()] = c
				}
				if call := calleeOf(id, stack); call != nil {
					c.calls = append(c.calls, call)
					c.funcs = append(c.funcs, enclosingFunc(stack))
				} else {
					c.value = true
				}
				return true
			})
		}
	}
	if c := m.callers[fn]; c != nil {
		return c
	}
	return &callers{}
}

// calleeOf returns the call whose function id names (f(...), x.f(...),
// f[T](...)), or nil.
func calleeOf(id *ast.Ident, stack []ast.Node) *ast.CallExpr {
	var fun ast.Node = id
	for i := len(stack) - 1; i >= 0; i-- {
		switch p := stack[i].(type) {
		case *ast.SelectorExpr:
			if p.Sel != fun {
				return nil
			}
			fun = p
		case *ast.IndexExpr, *ast.IndexListExpr, *ast.ParenExpr:
			fun = p
		case *ast.CallExpr:
			if p.Fun == fun {
				return p
			}
			return nil
		default:
			return nil
		}
	}
	return nil
}

// safeParam reports whether every call of the unexported function whose
// body s is passes a safe string as its parameter obj.
func (m *model) safeParam(obj *types.Var, s *scope, depth int) bool {
	i, ok := s.params[obj]
	d, isDecl := s.node.(*ast.FuncDecl)
	if !ok || !isDecl || depth > maxDepth || s.sig == nil || s.sig.Variadic() && i == s.sig.Params().Len()-1 {
		return false
	}
	fn, ok := m.info.Defs[d.Name].(*types.Func)
	if !ok || fn.Exported() {
		return false
	}
	c := m.callersOf(fn)
	if c.value || len(c.calls) == 0 {
		return false
	}
	for j, call := range c.calls {
		if i >= len(call.Args) || c.funcs[j] == nil || !m.safeString(call.Args[i], m.newScope(c.funcs[j]), depth+1) {
			return false
		}
	}
	return true
}
