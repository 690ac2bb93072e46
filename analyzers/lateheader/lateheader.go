package lateheader

import (
	_ "embed"
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"net/http"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/inspect"
	"golang.org/x/tools/go/ast/inspector"
	"golang.org/x/tools/go/types/typeutil"

	"github.com/resplint/resplint/analyzers/internal/docx"
	"github.com/resplint/resplint/analyzers/internal/httpfw"
	"github.com/resplint/resplint/analyzers/internal/respmodel"
)

//go:embed doc.go
var doc string

// Analyzer is the lateheader check.
var Analyzer = New()

// New returns a lateheader analyzer. It has no options.
func New() *analysis.Analyzer {
	return &analysis.Analyzer{
		Name:     "lateheader",
		Doc:      docx.Extract(doc, "lateheader"),
		URL:      "https://github.com/resplint/resplint/blob/main/docs/lateheader.md",
		Requires: []*analysis.Analyzer{inspect.Analyzer, respmodel.Analyzer},
		Run:      run,
	}
}

func run(pass *analysis.Pass) (any, error) {
	res := pass.ResultOf[respmodel.Analyzer].(*respmodel.Result)
	insp := pass.ResultOf[inspect.Analyzer].(*inspector.Inspector)
	for _, f := range res.Funcs {
		if len(f.Events) > 0 && !respmodel.InTestFile(pass.Fset, f.Node.Pos()) {
			(&funcCheck{pass: pass, root: insp.Root(), fn: f}).run()
		}
	}
	return nil, nil
}

// funcCheck applies the rules to the events of one function.
type funcCheck struct {
	pass     *analysis.Pass
	root     inspector.Cursor
	fn       *respmodel.Func
	trailers trailers
	returned map[*respmodel.Event]bool // complete responses already reported
	returnAt map[token.Pos]bool        // positions of the reports of a missing return
	calls    map[*ast.CallExpr]bool    // helper calls already checked as complete responses
	reported map[*ast.CallExpr]bool    // helper calls already reported
	asks     *bool                     // respmodel.AsksWritten of the function, once asked
}

func (c *funcCheck) run() {
	c.trailers = declaredTrailers(c.fn.Events)
	c.returned = make(map[*respmodel.Event]bool)
	c.returnAt = make(map[token.Pos]bool)
	c.calls = make(map[*ast.CallExpr]bool)
	c.reported = make(map[*ast.CallExpr]bool)
	for _, e := range c.fn.Events {
		if e.Framework.Buffers() && !c.hijacked(e) {
			continue // sent after the handler returns
		}
		switch e.Kind {
		case respmodel.SetHeader, respmodel.AddHeader, respmodel.DelHeader, respmodel.SetCookie, respmodel.WriteStatus:
			c.change(e)
		case respmodel.WriteBody, respmodel.Error, respmodel.Redirect, respmodel.Delegate:
			c.write(e)
		}
	}
}

// hijacked reports whether e, a change of a response its framework
// sends after the handler returns, comes after a call of the framework
// that sends the header all the same: a writer that streams
// (httpfw.Call.Streams), such as hertz's writer of server-sent events.
func (c *funcCheck) hijacked(e *respmodel.Event) bool {
	switch e.Kind {
	case respmodel.SetHeader, respmodel.AddHeader, respmodel.DelHeader, respmodel.SetCookie, respmodel.WriteStatus:
	default:
		return false
	}
	sent := witness(e)
	if sent == nil || sent.Via != "" || sent.Call() == nil {
		return false
	}
	fn, ok := typeutil.Callee(c.pass.TypesInfo, sent.Call()).(*types.Func)
	if !ok {
		return false
	}
	a, ok := httpfw.Lookup(fn)
	return ok && a.Streams && a.Framework.Buffers()
}

// change checks a header, cookie or status change.
func (c *funcCheck) change(e *respmodel.Event) {
	sent := witness(e)
	if sent == nil || c.trailers.exempt(e) || c.setInTime(e) {
		return
	}
	if done := e.DoneBy(); e.SentOpenBy() == nil && done != nil && c.fallsThrough(done, e) {
		c.reportReturn(e, done)
		return
	}
	if sent.Kind == respmodel.Delegate {
		c.afterHandler(e, sent)
		return
	}
	switch e.Kind {
	case respmodel.SetCookie:
		c.report(e, sent, catCookie, fmt.Sprintf("%s after %s: %s, so the cookie is dropped; set it before the first write",
			what(c.pass, e), sentAt(c.pass, sent, e), c.framework(e).SendsHeader))
	case respmodel.WriteStatus:
		if c.framework(e).SameStatusSilent && c.sameStatus(e, sent) {
			return // the framework ignores a status equal to the one sent, silently
		}
		c.report(e, sent, catStatus, fmt.Sprintf("%s after %s: the status line is already sent, so %s",
			what(c.pass, e), sentAt(c.pass, sent, e), c.framework(e).SecondStatus))
	default:
		if c.sameOnWire(e, sent) {
			return // the header already has this value on the wire
		}
		c.report(e, sent, catHeader, fmt.Sprintf("%s after %s: %s, so the header is dropped; set it before the first write",
			what(c.pass, e), sentAt(c.pass, sent, e), c.framework(e).SendsHeader))
	}
}

// sameOnWire reports whether a late header change sets the value the
// header was sent with by sent: every change of that header in the
// function sets this one constant value, and one of them comes before
// sent and can run with nothing sent yet (a stream's loop that sets
// Content-Type for each event, or the value set again after the write).
// Such a change changes nothing.
func (c *funcCheck) sameOnWire(e, sent *respmodel.Event) bool {
	if e.Kind == respmodel.DelHeader || e.Header == "" || e.Value.State != respmodel.Known {
		return false
	}
	early := false
	for _, ev := range c.fn.Events {
		switch ev.Kind {
		case respmodel.SetHeader, respmodel.AddHeader, respmodel.DelHeader:
		default:
			continue
		}
		if ev.Header != e.Header {
			continue
		}
		if ev.Kind == respmodel.DelHeader || ev.Value.State != respmodel.Known || ev.Value.Str != e.Value.Str {
			return false
		}
		early = early || ev.Before == respmodel.Open && ev.Pos() < sent.Pos()
	}
	return early
}

// sameStatus reports whether a status write e sets the status that sent
// sent: both known and equal. gin v1.12.0's responseWriter.WriteHeader
// does nothing for a code equal to its status, and warns only when a
// different code comes after the header was written.
func (c *funcCheck) sameStatus(e, sent *respmodel.Event) bool {
	if e.Value.State != respmodel.Known {
		return false
	}
	if sent.Value.State == respmodel.Known {
		return e.Value.Int == sent.Value.Int
	}
	return e.Value.Int == http.StatusOK && c.defaultStatus(sent)
}

// defaultStatus reports whether sent, a write that names no status (a
// template executed on c.Writer, c.Writer.Write), sends the default 200
// of gin's responseWriter: nothing in the function before it sets a
// status, answers, or runs another handler, but in a block that returns
// without reaching it (an error answer).
func (c *funcCheck) defaultStatus(sent *respmodel.Event) bool {
	if sent.Kind != respmodel.WriteBody {
		return false
	}
	for _, ev := range c.fn.Events {
		if ev.Pos() >= sent.Pos() || returnsBefore(c.fn.Node, ev.Node(), sent.Pos()) {
			continue
		}
		switch ev.Kind {
		case respmodel.WriteStatus, respmodel.WriteBody, respmodel.Error, respmodel.Redirect, respmodel.Delegate:
			return false
		}
	}
	return true
}

// returnsBefore reports whether n lies in a block of fn, not in a
// function literal, that ends with a return statement and does not hold
// pos: once n runs, the function returns before reaching pos.
func returnsBefore(fn, n ast.Node, pos token.Pos) bool {
	body := respmodel.FuncBody(fn)
	if body == nil {
		return false
	}
	in := func(x ast.Node) bool { return x.Pos() <= n.Pos() && n.End() <= x.End() }
	found := false
	ast.Inspect(body, func(x ast.Node) bool {
		switch x := x.(type) {
		case nil:
			return false
		case *ast.FuncLit:
			return false
		case *ast.BlockStmt:
			if !in(x) {
				return false
			}
			if len(x.List) > 0 && (pos < x.Pos() || pos >= x.End()) {
				if _, ok := x.List[len(x.List)-1].(*ast.ReturnStmt); ok {
					found = true
				}
			}
		}
		return !found && in(x)
	})
	return found
}

// witness is the event that sent the header before a change: one on a
// path where the response was not completed if there is one (the change
// is late even when no branch falls through), else any.
func witness(e *respmodel.Event) *respmodel.Event {
	if w := e.SentOpenBy(); w != nil {
		return w
	}
	return e.SentBy()
}

// afterHandler checks a change made after another handler ran on the
// response (a middleware's next.ServeHTTP(w, r), gin's c.Next()): that
// handler has normally written the response by then. A status set
// there, and middleware that asks whether the response was written
// (c.Writer.Written(), c.Response().Committed), are left alone.
func (c *funcCheck) afterHandler(e, next *respmodel.Event) {
	if e.Kind == respmodel.WriteStatus || c.asksWritten() {
		return
	}
	category, thing := catHeader, "header"
	if e.Kind == respmodel.SetCookie {
		category, thing = catCookie, "cookie"
	}
	c.report(e, next, category, fmt.Sprintf("%s after %s at line %d ran the handler, which has normally written the response by then: %s, so the %s is dropped; set it before calling the handler",
		what(c.pass, e), callName(c.pass, next), line(c.pass, next), c.framework(e).SendsHeader, thing))
}

// asksWritten is respmodel.AsksWritten of the function, which walks its
// body: asked once.
func (c *funcCheck) asksWritten() bool {
	if c.asks == nil {
		v := respmodel.AsksWritten(c.fn.Node)
		c.asks = &v
	}
	return *c.asks
}

// write checks a body write or a complete response. After two complete
// responses without return, the first one's report is at the second,
// and the second's at the next write: each missing return is reported
// once, at the first write it lets through that is not reported yet.
// Two that fall through to the same write from exclusive branches are
// both reported there.
func (c *funcCheck) write(e *respmodel.Event) {
	if done := e.DoneBy(); done != nil {
		first := c.reportReturn(e, done)
		if last := e.LastDoneBy(); last != nil && last != done && (first || !c.returnAt[e.Pos()]) {
			c.reportReturn(e, last)
		}
		return
	}
	if e.Via != "" {
		// A helper's own error path is its business; a helper that
		// always completes the response is one complete response.
		if e.CallStage() < respmodel.Done || c.calls[e.Call()] {
			return
		}
		c.calls[e.Call()] = true
	}
	if sent := e.SentBy(); sent != nil && (e.Stage == respmodel.Done || e.Kind == respmodel.Error) && restates(e, sent) {
		c.report(e, sent, catStatus, fmt.Sprintf("%s after %s: its status and headers are dropped and its body is appended to what was written",
			what(c.pass, e), sentAt(c.pass, sent, e)))
	}
}

// restates reports whether a complete response e, after sent sent the
// header, changes what was sent: a body was written already, or e
// writes an error or redirect status, or a status other than the one
// sent. A render call after WriteHeader with its own code is how echo
// and chi/render handlers often set the code, and is harmless.
func restates(e, sent *respmodel.Event) bool {
	switch {
	case sent.Kind == respmodel.Delegate:
		return false // the handler may not have written
	case sent.Kind != respmodel.WriteStatus && sent.Kind != respmodel.Flush:
		return true
	case e.Kind == respmodel.Error || e.Kind == respmodel.Redirect:
		return true
	}
	return e.Value.State == respmodel.Known && sent.Value.State == respmodel.Known && e.Value.Int != sent.Value.Int
}

// reportReturn reports the first event after a complete response that
// falls through; the later ones have the same cause. It reports whether
// it reported e.
func (c *funcCheck) reportReturn(e, done *respmodel.Event) bool {
	if c.returned[done] {
		return false
	}
	if e.Kind == respmodel.Delegate && (e.Before >= respmodel.Done || c.aborted(done)) {
		// Every path completes the response first: the handler is the
		// last of its chain (a middleware never answers on every path
		// and continues), and its trailing c.Next() runs nothing. Nor
		// does it after the answer stopped the chain (c.Abort()).
		return false
	}
	c.returned[done] = true
	name := callName(c.pass, done)
	subject, effect := what(c.pass, e), "the output is appended to that response"
	switch {
	case e.Via != "":
		subject, effect = e.Via+" is called", "what it sends is dropped or appended to that response"
	case e.Kind == respmodel.SetCookie:
		effect = "the cookie is dropped"
	case e.Kind == respmodel.WriteStatus:
		effect = "the status is dropped"
	case e.Kind == respmodel.Delegate:
		effect = "the next handler still runs, and what it writes is appended to that response"
	case e.Kind != respmodel.WriteBody && e.Kind != respmodel.Error && e.Kind != respmodel.Redirect:
		effect = "the header is dropped"
	}
	msg := fmt.Sprintf("%s after %s %s, which completed the response and does not return: %s; return after %s",
		subject, name, where(c.pass, done, e), effect, name)
	if !c.report(e, done, catReturn, msg, c.returnFix(done)...) {
		return false
	}
	c.returnAt[e.Pos()] = true
	return true
}

// aborted reports whether the complete response done stops the handler
// chain, itself or by a call after it in its block (gin's c.Abort()),
// so that a Next reached from there runs no handler.
func (c *funcCheck) aborted(done *respmodel.Event) bool {
	if call := done.Call(); call != nil && c.stopsChain(call) {
		return true
	}
	blk := c.block(done)
	if blk == nil {
		return false
	}
	found := false
	ast.Inspect(blk, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.CallExpr:
			found = found || n.Pos() > done.Pos() && c.stopsChain(n)
		}
		return !found
	})
	return found
}

// stopsChain reports whether call stops the handler chain.
func (c *funcCheck) stopsChain(call *ast.CallExpr) bool {
	fn, ok := typeutil.Callee(c.pass.TypesInfo, call).(*types.Func)
	return ok && httpfw.StopsChain(fn)
}

// report reports e, caused by cause, unless e is a helper's event whose
// call was reported already; it reports whether it reported.
func (c *funcCheck) report(e, cause *respmodel.Event, category, msg string, fixes ...analysis.SuggestedFix) bool {
	if e.Via != "" {
		// A helper that may set one of several statuses (an error
		// writer's 400, 404 or 409) is one mistake at its call.
		if c.reported[e.Call()] {
			return false
		}
		c.reported[e.Call()] = true
	}
	if category == catHeader || category == catCookie {
		fixes = c.moveFix(e, cause)
	}
	rel := "the response header is sent here"
	if category == catReturn {
		rel = "the response is completed here"
	}
	c.pass.Report(analysis.Diagnostic{
		Pos:            e.Pos(),
		End:            e.Node().End(),
		Category:       category,
		Message:        msg,
		Related:        []analysis.RelatedInformation{{Pos: cause.Pos(), End: cause.Node().End(), Message: rel}},
		SuggestedFixes: fixes,
	})
	return true
}

// fallsThrough reports whether e follows the complete response done
// because control leaves done's block, a branch without a return; in
// straight-line code the order, not a missing return, is the mistake.
func (c *funcCheck) fallsThrough(done, e *respmodel.Event) bool {
	blk := c.block(done)
	return blk != nil && (e.Pos() < blk.Pos() || e.Pos() >= blk.End())
}

// block returns the innermost statement list around an event's call.
func (c *funcCheck) block(e *respmodel.Event) ast.Node {
	cur, ok := c.root.FindByPos(e.Pos(), e.Node().End())
	if !ok {
		return nil
	}
	for p := range cur.Enclosing((*ast.BlockStmt)(nil), (*ast.CaseClause)(nil), (*ast.CommClause)(nil)) {
		return p.Node()
	}
	return nil
}

// setInTime reports whether a helper's late header is one the function
// itself set before the response was sent: a renderer that sets
// Content-Type after its caller chose one and wrote the status only
// repeats it.
func (c *funcCheck) setInTime(e *respmodel.Event) bool {
	if e.Via == "" || e.Kind != respmodel.SetHeader && e.Kind != respmodel.AddHeader {
		return false
	}
	for _, x := range c.fn.Events {
		if (x.Kind == respmodel.SetHeader || x.Kind == respmodel.AddHeader) && x.Header == e.Header &&
			x.Call() != e.Call() && x.Pos() < e.Pos() && x.SentBy() == nil {
			return true
		}
	}
	return false
}

// trailers are the header names the function declares as trailers (the
// "Trailer" header); such headers are meant to be set after the body.
type trailers struct {
	all   bool // a Trailer header whose value is not known
	names map[string]bool
}

func declaredTrailers(events []*respmodel.Event) trailers {
	t := trailers{names: make(map[string]bool)}
	for _, e := range events {
		if (e.Kind == respmodel.SetHeader || e.Kind == respmodel.AddHeader) && e.Header == "Trailer" {
			if e.Value.State != respmodel.Known {
				t.all = true
				continue
			}
			for n := range strings.SplitSeq(e.Value.Str, ",") {
				t.names[http.CanonicalHeaderKey(strings.TrimSpace(n))] = true
			}
		}
	}
	return t
}

// exempt reports whether a header change is a trailer: a declared name,
// or one with net/http's "Trailer:" prefix.
func (t trailers) exempt(e *respmodel.Event) bool {
	switch e.Kind {
	case respmodel.SetHeader, respmodel.AddHeader, respmodel.DelHeader:
		return strings.HasPrefix(e.Header, http.TrailerPrefix) || t.all || t.names[e.Header]
	}
	return false
}
