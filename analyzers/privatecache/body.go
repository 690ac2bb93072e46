package privatecache

import (
	"go/ast"

	"github.com/resplint/resplint/analyzers/internal/respmodel"
)

// successBody returns the first body write of f that sends a success
// (2xx) response, or nil: a handler that only redirects or reports errors
// sends nothing a cache would keep for a user.
//
// A body's status is the one it is written with (gin's c.JSON(code, v)),
// else that of the nearest status write before it whose block encloses
// it (w.WriteHeader(404) in an if block does not govern a write after
// the block), else 200. A status computed at run time counts as success.
func successBody(f *respmodel.Func) *respmodel.Event {
	var statuses []*respmodel.Event
	for _, ev := range f.Events {
		if ev.Kind == respmodel.WriteStatus {
			statuses = append(statuses, ev)
		}
	}
	for _, ev := range f.Events {
		if ev.Kind != respmodel.WriteBody {
			continue
		}
		status := ev.Value
		if status.State == respmodel.Absent {
			if s := governing(f.Node, statuses, ev); s != nil {
				status = s.Value
			}
		}
		if status.State != respmodel.Known || status.Int >= 200 && status.Int < 300 {
			return ev
		}
	}
	return nil
}

// governing returns the status write that applies to body, or nil.
func governing(fn ast.Node, statuses []*respmodel.Event, body *respmodel.Event) *respmodel.Event {
	var best *respmodel.Event
	for _, s := range statuses {
		if s.Pos() > body.Pos() || s.Pos() == body.Pos() && s.Node().End() > body.Node().End() {
			continue
		}
		if b := innermostBlock(fn, s.Node()); b != nil && b.Pos() <= body.Pos() && body.Node().End() <= b.End() {
			if best == nil || s.Pos() >= best.Pos() {
				best = s
			}
		}
	}
	return best
}

// innermostBlock returns the innermost block, case or select clause of fn
// that contains n.
func innermostBlock(fn ast.Node, n ast.Node) ast.Node {
	var found ast.Node
	ast.Inspect(fn, func(x ast.Node) bool {
		if x == nil || x.Pos() > n.Pos() || x.End() < n.End() {
			return false
		}
		switch x.(type) {
		case *ast.BlockStmt, *ast.CaseClause, *ast.CommClause:
			found = x
		case *ast.FuncLit:
			return x == fn
		}
		return true
	})
	return found
}
