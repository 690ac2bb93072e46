package privatecache

import (
	"go/ast"
	"go/types"
	"regexp"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/types/typeutil"

	"github.com/resplint/resplint/analyzers/internal/httpfw"
	"github.com/resplint/resplint/analyzers/internal/respmodel"
	"github.com/resplint/resplint/analyzers/internal/routes"
)

// successBodies returns the body writes of f that send a success (2xx)
// response: a handler that only redirects or reports errors sends nothing
// a cache would keep for a user.
//
// A body's status is the one it is written with (gin's c.JSON(code, v)),
// else that of the nearest status write before it whose block encloses
// it (w.WriteHeader(404) in an if block does not govern a write after
// the block), else 200. A status computed at run time counts as success.
// A status a helper writes on some of its paths only (a 401 when no one
// is signed in, in a helper that builds the page's data) governs only the
// helper's own bodies.
// A body written by a helper named for an error (JSONServerError,
// writeError, respondUnauthorized) is an error: such helpers often keep
// their status where the model cannot see it (a response builder).
func successBodies(f *respmodel.Func) []*respmodel.Event {
	var statuses, out []*respmodel.Event
	for _, ev := range f.Events {
		if ev.Kind == respmodel.WriteStatus {
			statuses = append(statuses, ev)
		}
	}
	for _, ev := range f.Events {
		if ev.Kind != respmodel.WriteBody || ev.Via != "" && errorHelper.MatchString(ev.Via[strings.LastIndex(ev.Via, ".")+1:]) {
			continue
		}
		status := ev.Value
		if status.State == respmodel.Absent {
			if s := governing(f.Node, statuses, ev); s != nil && (s.Node() == ev.Node() || s.Helper() == nil || s.Helper().Always()) {
				status = s.Value
			}
		}
		if status.State != respmodel.Known || status.Int >= 200 && status.Int < 300 {
			out = append(out, ev)
		}
	}
	return out
}

// errorHelper matches the names of helpers that write error responses.
var errorHelper = regexp.MustCompile(`(?i)err|fail|unauthori[sz]ed|forbidden|notfound|badrequest|denied|conflict`)

// passesOn reports whether a handler passes the request on to the next
// handler (next.ServeHTTP(w, r), next(c), c.Next(), or negroni-style
// m.ServeHTTP(w, r, next.ServeHTTP)): it is a middleware, whose own
// writes are the error responses of requests it stops, and whose success
// response is the next handler's.
func passesOn(pass *analysis.Pass, res *respmodel.Result, fn ast.Node) bool {
	found := false
	res.InspectBody(fn, callsAndLits, func(x ast.Node) bool {
		call, ok := x.(*ast.CallExpr)
		switch {
		case found:
			return false
		case !ok:
			return false // a function literal
		}
		found = passesOnCall(pass.TypesInfo, call)
		return true
	})
	return found
}

func passesOnCall(info *types.Info, call *ast.CallExpr) bool {
	for _, a := range call.Args {
		if sel, ok := ast.Unparen(a).(*ast.SelectorExpr); ok && sel.Sel.Name == "ServeHTTP" && routes.HandlerLike(info.TypeOf(a)) {
			return true
		}
	}
	switch callee := typeutil.Callee(info, call).(type) {
	case *types.Func:
		if callee.Name() == "ServeHTTP" {
			return len(call.Args) == 2
		}
		return httpfw.RunsNext(callee.Name()) && recvType(callee) != nil && httpfw.ResponseParam(recvType(callee)) != 0
	case *types.Var:
		return routes.HandlerLike(callee.Type())
	}
	return false
}

func recvType(fn *types.Func) types.Type {
	if r := fn.Type().(*types.Signature).Recv(); r != nil {
		return r.Type()
	}
	return nil
}

// uncovered returns the first of bodies that no private Cache-Control
// governs, or nil. A Cache-Control set governs a body when the same call
// makes both (a helper that sets it and writes), when it is made inside
// the body's call (a builder chain), or when it comes before the body in
// a block that encloses it; fiber buffers the response, so there the
// order does not matter.
func (mw *middleware) uncovered(f *respmodel.Func, bodies []*respmodel.Event) *respmodel.Event {
	var sets []ast.Node
	for _, ev := range f.Events {
		if isPrivate(setsCacheControl([]*respmodel.Event{ev}, func(ast.Node) bool { return false })) {
			sets = append(sets, ev.Node())
		}
	}
	for _, call := range mw.cacheCalls(f.Node) {
		if isPrivate(mw.cacheCall(call.(*ast.CallExpr))) {
			sets = append(sets, call)
		}
	}
	for _, b := range bodies {
		if unsafeOnly(mw.pass, f.Node, b.Node()) {
			continue
		}
		covered := false
		for _, s := range sets {
			if covers(f.Node, s, b.Node(), f.Handler.Buffers()) {
				covered = true
				break
			}
		}
		if !covered {
			return b
		}
	}
	return nil
}

// covers reports whether the Cache-Control set applies to body: it is
// inside it, or before it in a block that holds it; in a framework that
// buffers the response, after it too.
func covers(fn, set, body ast.Node, buffered bool) bool {
	if body.Pos() <= set.Pos() && set.End() <= body.End() {
		return true
	}
	if set.End() > body.Pos() && !buffered {
		return false
	}
	b := innermostBlock(fn, set)
	return b != nil && b.Pos() <= body.Pos() && body.End() <= b.End()
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
