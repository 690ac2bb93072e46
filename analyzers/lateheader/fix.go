package lateheader

import (
	"bytes"
	"go/ast"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/resplint/resplint/analyzers/internal/edit"
	"github.com/resplint/resplint/analyzers/internal/funcs"
	"github.com/resplint/resplint/analyzers/internal/respmodel"
)

// stmt returns the statement an event's call is, and its cursor: the
// call must be the whole statement (w.Write(b), _, _ = w.Write(b)).
func (c *funcCheck) stmt(e *respmodel.Event) (ast.Stmt, inspector.Cursor, bool) {
	call := e.Call()
	if call == nil {
		return nil, inspector.Cursor{}, false
	}
	cur, ok := c.root.FindByPos(call.Pos(), call.End())
	if !ok || cur.Node() != call {
		return nil, inspector.Cursor{}, false
	}
	p := cur.Parent()
	switch s := p.Node().(type) {
	case *ast.ExprStmt:
		return s, p, true
	case *ast.AssignStmt:
		if s.Tok == token.ASSIGN && len(s.Rhs) == 1 {
			return s, p, true
		}
	}
	return nil, inspector.Cursor{}, false
}

// list returns the statement list a statement cursor is in.
func list(cur inspector.Cursor) []ast.Stmt { return funcs.Stmts(cur.Parent().Node()) }

// returnFix adds the missing return after a complete response that ends
// an if or case branch: a bare return in a function without results, or
// returning the response call's error in one whose only result is an
// error (echo's handlers).
func (c *funcCheck) returnFix(done *respmodel.Event) []analysis.SuggestedFix {
	s, cur, ok := c.stmt(done)
	if !ok {
		return nil
	}
	es, isExpr := s.(*ast.ExprStmt)
	stmts := list(cur)
	if !isExpr || len(stmts) == 0 || stmts[len(stmts)-1] != s || !c.branchEnd(cur) {
		return nil
	}
	f := respmodel.File(c.pass, s.Pos())
	if f == nil {
		return nil
	}
	name := callName(c.pass, done)
	switch res := respmodel.FuncType(c.fn.Node).Results; {
	case res == nil || len(res.List) == 0:
		return []analysis.SuggestedFix{{
			Message:   "Add a return after " + name,
			TextEdits: []analysis.TextEdit{f.InsertAfter(s, "return")},
		}}
	case len(res.List) == 1 && len(res.List[0].Names) == 0 && isError(c.pass.TypesInfo.TypeOf(res.List[0].Type)) &&
		isError(c.pass.TypesInfo.TypeOf(es.X)):
		return []analysis.SuggestedFix{{
			Message:   "Return the result of " + name,
			TextEdits: []analysis.TextEdit{edit.Replace(s, "return "+f.Text(es.X))},
		}}
	}
	return nil
}

// branchEnd reports whether a statement list is the body of an if, else
// or case branch, where a return is what ends the branch.
func (c *funcCheck) branchEnd(stmt inspector.Cursor) bool {
	switch p := stmt.Parent(); p.Node().(type) {
	case *ast.CaseClause, *ast.CommClause:
		return true
	case *ast.BlockStmt:
		_, ok := p.Parent().Node().(*ast.IfStmt)
		return ok
	}
	return false
}

func isError(t types.Type) bool {
	return t != nil && types.Identical(t, types.Universe.Lookup("error").Type())
}

// moveFix moves the header and cookie statements that directly follow
// the call that sent the header above it, when e is one of them: the
// order is then what the code meant. Not past a call of the next
// handler, whose outcome the header may report. Every report in such a run carries
// the same edit.
func (c *funcCheck) moveFix(e, sent *respmodel.Event) []analysis.SuggestedFix {
	if sent.Kind == respmodel.Delegate {
		return nil // the value may depend on what the handler did
	}
	s1, cur1, ok := c.stmt(sent)
	if !ok {
		return nil
	}
	s2, cur2, ok := c.stmt(e)
	if !ok || cur1.Parent() != cur2.Parent() {
		return nil
	}
	stmts := list(cur1)
	i1 := index(stmts, s1)
	if i1 < 0 {
		return nil
	}
	k := i1 + 1
	for k < len(stmts) && c.lateChange(stmts[k], sent) {
		k++
	}
	if i2 := index(stmts, s2); i2 <= i1 || i2 >= k {
		return nil
	}
	f := respmodel.File(c.pass, s1.Pos())
	if f == nil {
		return nil
	}
	tf := c.pass.Fset.File(s1.Pos())
	first, last := stmts[i1+1], stmts[k-1]
	if tf.Line(first.Pos()) <= tf.Line(s1.End()) || tf.Line(last.End()) >= tf.LineCount() {
		return nil
	}
	from := tf.LineStart(tf.Line(s1.End()) + 1)
	to := tf.LineStart(tf.Line(last.End()) + 1)
	at := c.above(f, cur1, stmts, i1)
	// A copy: the diagnostic outlives the package, the file's text need not.
	chunk := bytes.Clone(f.Src[tf.Offset(from):tf.Offset(to)])
	return []analysis.SuggestedFix{{
		Message: "Move the header and cookie changes above " + callName(c.pass, sent),
		TextEdits: []analysis.TextEdit{
			{Pos: at, End: at, NewText: chunk},
			{Pos: from, End: to},
		},
	}}
}

// lateChange reports whether s is a statement whose events are all
// header or cookie changes dropped because sent sent the header first.
func (c *funcCheck) lateChange(s ast.Stmt, sent *respmodel.Event) bool {
	es, ok := s.(*ast.ExprStmt)
	if !ok {
		return false
	}
	n := 0
	for _, e := range c.fn.Events {
		if e.Call() != es.X {
			continue
		}
		n++
		switch e.Kind {
		case respmodel.SetHeader, respmodel.AddHeader, respmodel.DelHeader, respmodel.SetCookie:
		default:
			return false
		}
		if witness(e) != sent || c.trailers.exempt(e) {
			return false
		}
	}
	return n > 0
}

// above returns where to insert statements above stmts[i] (whose
// cursor is cur): at the start of its line, or of the comment lines
// right above it.
func (c *funcCheck) above(f *edit.File, cur inspector.Cursor, stmts []ast.Stmt, i int) token.Pos {
	tf := c.pass.Fset.File(stmts[i].Pos())
	var floor token.Pos // the end of what precedes stmts[i] in its list
	switch b := cur.Parent().Node().(type) {
	case *ast.BlockStmt:
		floor = b.Lbrace
	case *ast.CaseClause:
		floor = b.Colon
	case *ast.CommClause:
		floor = b.Colon
	}
	if i > 0 {
		floor = stmts[i-1].End()
	}
	start := tf.Line(stmts[i].Pos())
	for moved := true; moved; {
		moved = false
		for _, cg := range f.Syntax.Comments {
			if cg.Pos() > floor && tf.Line(cg.Pos()) > tf.Line(floor) && tf.Line(cg.End()) == start-1 {
				start, moved = tf.Line(cg.Pos()), true
			}
		}
	}
	return tf.LineStart(start)
}

func index(stmts []ast.Stmt, s ast.Stmt) int {
	for i, x := range stmts {
		if x == s {
			return i
		}
	}
	return -1
}
