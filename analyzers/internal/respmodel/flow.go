package respmodel

import (
	"cmp"
	"go/ast"
	"go/token"
	"go/types"
	"slices"
	"sort"

	"golang.org/x/tools/go/cfg"

	"github.com/resplint/resplint/analyzers/internal/funcs"
	"github.com/resplint/resplint/analyzers/internal/httpfw"
)

// SentBy returns an event that, on some path from the function's entry
// to e, sent the response's header before e (the first such on that
// path), or nil. For an event of a helper, only the caller's path to the
// helper's call counts, and only if the helper may reach the event with
// nothing sent; the helper's own order is the helper's business.
func (e *Event) SentBy() *Event { return e.sentBy }

// DoneBy is like SentBy for the event that completed the response.
func (e *Event) DoneBy() *Event { return e.doneBy }

// LastDoneBy is, like DoneBy, an event that completed the response on
// some path to e, but the last such on that path (the last in source
// order, of several paths): when two error answers without return
// follow each other, DoneBy of the final answer is the first, and
// LastDoneBy the second.
func (e *Event) LastDoneBy() *Event { return e.lastBy }

// SentOpenBy is like SentBy, along the paths on which the response was
// not completed before e: it tells a change made after a write from one
// made only after an error page that should have returned.
func (e *Event) SentOpenBy() *Event { return e.liveBy }

// CallStage returns, for an event a helper's call replays, the stage the
// helper leaves the response at on every path (Sent for a helper that
// always writes, Done for one that always completes the response);
// Open otherwise.
func (e *Event) CallStage() Stage { return e.callEnd }

// A step is what one call does to the response, in control-flow order:
// the events of a framework call, or those a helper's call replays.
type step struct {
	call   *ast.CallExpr
	events []*Event
	helper bool
	effect Stage // the stage the step takes the response to on every path
	// reset is set after the definition of a new response (see
	// definesResponse): whatever happened to the one before does not
	// concern it.
	reset bool
}

// flowGraph is a function's control-flow graph with its steps.
type flowGraph struct {
	g     *cfg.CFG
	steps [][]step // by block index
}

// flow orders a function's events along its control-flow graph: it sets
// their Before stages and SentBy/DoneBy witnesses, and returns the stage
// the function leaves the response at on every path that returns (its
// callers replay this as the effect of the call). resets are the
// statements that define a new response (see definesResponse).
func (m *model) flow(body *ast.BlockStmt, events []*Event, resets map[ast.Stmt]bool) Stage {
	effect, statuses := hasEffect(events), hasStatus(events)
	if body == nil || !effect && !statuses {
		return Open
	}
	fg := &flowGraph{g: cfg.New(body, m.mayReturn)}
	fg.place(events, resets)
	if statuses {
		fg.markAlways()
	}
	if !effect {
		return Open
	}
	fg.may(m, m.correlate(body, fg.g))
	return fg.must()
}

func hasStatus(events []*Event) bool {
	return slices.ContainsFunc(events, func(e *Event) bool { return e.Kind == WriteStatus })
}

// markAlways sets, for each status event, whether every path through the
// function passes it: a helper that answers 401 only when no one is
// signed in is not an error helper.
func (fg *flowGraph) markAlways() {
	for i, steps := range fg.steps {
		for _, s := range steps {
			for _, e := range s.events {
				if e.Kind == WriteStatus && (e.helper == nil || e.helper.always) {
					e.always = !fg.avoidable(i)
				}
			}
		}
	}
}

// avoidable reports whether some path from the function's entry reaches
// its end without passing block i.
func (fg *flowGraph) avoidable(i int) bool {
	blocks := fg.g.Blocks
	if i == 0 {
		return false
	}
	seen := make([]bool, len(blocks))
	seen[0] = true
	work := []*cfg.Block{blocks[0]}
	for len(work) > 0 {
		b := work[len(work)-1]
		work = work[:len(work)-1]
		if len(b.Succs) == 0 {
			return true
		}
		for _, s := range b.Succs {
			if s.Index != int32(i) && !seen[s.Index] {
				seen[s.Index] = true
				work = append(work, s)
			}
		}
	}
	return false
}

func hasEffect(events []*Event) bool {
	for _, e := range events {
		if e.Via == "" && e.Stage > Open || e.callEnd > Open {
			return true
		}
	}
	return false
}

// place assigns each event to the block and step of its call, and adds a
// reset step after each statement of resets. Events of deferred and go
// statements are left out: they do not happen there.
func (fg *flowGraph) place(events []*Event, resets map[ast.Stmt]bool) {
	fg.steps = make([][]step, len(fg.g.Blocks))
	for _, b := range fg.g.Blocks {
		if !b.Live {
			continue
		}
		for _, n := range b.Nodes {
			switch n.(type) {
			case *ast.DeferStmt, *ast.GoStmt:
				continue
			}
			i := sort.Search(len(events), func(i int) bool { return events[i].Pos() >= n.Pos() })
			j := i
			for j < len(events) && events[j].Pos() < n.End() {
				j++
			}
			for _, e := range evalOrder(events[i:j]) {
				steps := fg.steps[b.Index]
				if k := len(steps) - 1; k >= 0 && steps[k].call == e.call && e.call != nil {
					steps[k].events = append(steps[k].events, e)
					continue
				}
				s := step{call: e.call, events: []*Event{e}, helper: e.Via != ""}
				if s.helper {
					s.effect = e.callEnd
				}
				fg.steps[b.Index] = append(steps, s)
			}
			if stmt, ok := n.(ast.Stmt); ok && resets[stmt] {
				fg.steps[b.Index] = append(fg.steps[b.Index], step{reset: true})
			}
		}
	}
	for _, steps := range fg.steps {
		for i := range steps {
			if !steps[i].helper {
				for _, e := range steps[i].events {
					steps[i].effect = max(steps[i].effect, e.Stage)
				}
			}
		}
	}
}

// evalOrder returns the events of one statement in the order they
// happen: a call's receiver and arguments before the call, so that
// tmpl.Execute(w, viewModel(w)) runs viewModel's events first. The
// model lists them in source order (outer call first).
func evalOrder(events []*Event) []*Event {
	out := slices.Clone(events)
	slices.SortStableFunc(out, func(a, b *Event) int { return cmp.Compare(a.Node().End(), b.Node().End()) })
	return out
}

// witnesses is the may-state of the response: the first event that sent
// it and the first that completed it, on some path (nil: on none); the
// last that completed it on some path (last); and whether some path has
// not completed it (open), with the first event that sent it on such a
// path (live).
type witnesses struct {
	sent, done, last, live *Event
	open                   bool
}

func earlier(a, b *Event) *Event {
	if a == nil || b != nil && b.Pos() < a.Pos() {
		return b
	}
	return a
}

func later(a, b *Event) *Event {
	if a == nil || b != nil && b.Pos() > a.Pos() {
		return b
	}
	return a
}

func (w witnesses) merge(o witnesses) witnesses {
	return witnesses{earlier(w.sent, o.sent), earlier(w.done, o.done), later(w.last, o.last), earlier(w.live, o.live), w.open || o.open}
}

// apply runs a step on state w, recording the witnesses its events see
// if record is set. A skipped step (a write whose failure the branch
// handles) has no effect.
func (s *step) apply(w witnesses, record, skip bool) witnesses {
	if s.reset {
		return witnesses{open: true}
	}
	for _, e := range s.events {
		if !record {
			break
		}
		if !s.helper || e.Before < Sent {
			e.sentBy, e.liveBy = w.sent, w.live
		}
		if !s.helper || e.Before < Done {
			e.doneBy, e.lastBy = w.done, w.last
		}
	}
	if skip {
		return w
	}
	if s.effect >= Sent && w.sent == nil {
		w.sent = s.witness(Sent)
	}
	if s.effect >= Sent && w.open && w.live == nil {
		w.live = s.witness(Sent)
	}
	if s.effect == Done {
		w.live, w.open = nil, false
		if w.done == nil {
			w.done = s.witness(Done)
		}
		w.last = s.witness(Done)
	}
	return w
}

// raw reports whether the step copies bytes to the connection
// (w.Write, fmt.Fprintf(w, ...), io.Copy(w, r)): when it fails, the
// client is gone or its source broke mid-way, and answering with an
// error status is a best effort whatever was sent before.
func (s *step) raw() bool {
	if s.helper {
		return false
	}
	for _, e := range s.events {
		if e.Kind != WriteBody || e.Body != BodyBytes && e.Body != BodyString && e.Body != BodyStream {
			return false
		}
	}
	return true
}

// witness is the event of the step that reaches stage st.
func (s *step) witness(st Stage) *Event {
	for _, e := range s.events {
		if e.Stage >= st {
			return e
		}
	}
	return s.events[0]
}

// may computes, by a forward fixpoint, which events can be reached after
// the response was sent or completed, and by which event. The state of
// a block is kept per valuation of the conditions c correlates, so that
// a branch the path cannot take adds nothing.
func (fg *flowGraph) may(m *model, c *correlation) {
	blocks := fg.g.Blocks
	in := make([]states, len(blocks))
	in[0] = states{{}: {open: true}}
	seen := make([]bool, len(blocks))
	seen[0] = true
	run := func(b *cfg.Block, record bool) (out, onError states, errSucc *cfg.Block) {
		failed, errSucc := m.failedWrite(b)
		vals := in[b.Index].sortedValuations()
		ws := make([]witnesses, len(vals))
		errs := make([]witnesses, len(vals))
		for i, v := range vals {
			ws[i], errs[i] = in[b.Index][v], in[b.Index][v]
		}
		for i := range fg.steps[b.Index] {
			s := &fg.steps[b.Index][i]
			if record && len(ws) > 0 {
				all := ws[0]
				for _, w := range ws[1:] {
					all = all.merge(w)
				}
				s.apply(all, true, false)
			}
			for j := range ws {
				errs[j] = s.apply(errs[j], false, s.call == failed && !s.reset)
				if s.call == failed && s.raw() {
					errs[j].sent, errs[j].live = nil, nil
				}
				ws[j] = s.apply(ws[j], false, false)
			}
		}
		assigned := c.assigned(b)
		out, onError = make(states, len(vals)), make(states, len(vals))
		for i, v := range vals {
			out.add(v.assign(assigned), ws[i])
			onError.add(v.assign(assigned), errs[i])
		}
		return out, onError, errSucc
	}
	work := []*cfg.Block{blocks[0]}
	for len(work) > 0 {
		b := work[len(work)-1]
		work = work[:len(work)-1]
		out, onError, errSucc := run(b, false)
		for _, s := range b.Succs {
			o := out
			if s == errSucc {
				o = onError
			}
			changed := false
			if in[s.Index] == nil {
				in[s.Index] = make(states)
			}
			for v, w := range c.along(o, b, s) {
				changed = in[s.Index].add(v, w) || changed
			}
			in[s.Index] = in[s.Index].bounded()
			if !seen[s.Index] || changed {
				seen[s.Index] = true
				work = append(work, s)
			}
		}
	}
	for _, b := range blocks {
		if seen[b.Index] && len(in[b.Index]) > 0 {
			run(b, true)
		}
	}
}

// must computes, by a forward fixpoint taking the least stage over
// paths, the Before stage of every event, and returns the least stage at
// the function's returns.
func (fg *flowGraph) must() Stage {
	blocks := fg.g.Blocks
	const unset = Done + 1
	in := make([]Stage, len(blocks))
	for i := range in {
		in[i] = unset
	}
	in[0] = Open
	run := func(b *cfg.Block, record bool) Stage {
		st := in[b.Index]
		for _, s := range fg.steps[b.Index] {
			if s.reset {
				st = Open
				continue
			}
			if record {
				for _, e := range s.events {
					if s.helper {
						e.Before = max(e.Before, st)
					} else {
						e.Before = st
					}
				}
			}
			st = max(st, s.effect)
		}
		return st
	}
	work := []*cfg.Block{blocks[0]}
	for len(work) > 0 {
		b := work[len(work)-1]
		work = work[:len(work)-1]
		out := run(b, false)
		for _, s := range b.Succs {
			if out < in[s.Index] {
				in[s.Index] = out
				work = append(work, s)
			}
		}
	}
	exit := unset
	for _, b := range blocks {
		if in[b.Index] == unset {
			continue
		}
		out := run(b, true)
		if len(b.Succs) == 0 && len(b.Nodes) > 0 {
			if _, ok := b.Nodes[len(b.Nodes)-1].(*ast.ReturnStmt); ok {
				exit = min(exit, out)
			}
		}
	}
	if exit == unset {
		return Open
	}
	return exit
}

// failedWrite recognises a block that ends by testing the error of one of
// its own writes (if err := tmpl.Execute(w, v); err != nil, or _, err =
// w.Write(b) then if err != nil): it returns the write's call and the
// successor taken when the write failed. A write that failed did not
// send the header itself (the encoder or template failed first, or the
// connection is gone), so the error path may still answer with a
// status. Errors tested later are not traced.
func (m *model) failedWrite(b *cfg.Block) (*ast.CallExpr, *cfg.Block) {
	if len(b.Succs) != 2 || len(b.Nodes) == 0 {
		return nil, nil
	}
	cond, ok := b.Nodes[len(b.Nodes)-1].(*ast.BinaryExpr)
	if !ok || cond.Op != token.NEQ && cond.Op != token.EQL {
		return nil, nil
	}
	x := cond.X
	if m.isNil(x) {
		x = cond.Y
	} else if !m.isNil(cond.Y) {
		return nil, nil
	}
	errSucc := b.Succs[0]
	if cond.Op == token.EQL {
		errSucc = b.Succs[1]
	}
	x = ast.Unparen(x)
	if call, ok := x.(*ast.CallExpr); ok {
		return call, errSucc
	}
	id, ok := x.(*ast.Ident)
	if !ok {
		return nil, nil
	}
	obj := m.info.ObjectOf(id)
	for i := len(b.Nodes) - 2; i >= 0; i-- {
		as, ok := b.Nodes[i].(*ast.AssignStmt)
		if !ok || len(as.Rhs) != 1 {
			continue
		}
		for _, l := range as.Lhs {
			if l, ok := l.(*ast.Ident); ok && m.info.ObjectOf(l) == obj {
				if call, ok := ast.Unparen(as.Rhs[0]).(*ast.CallExpr); ok {
					return call, errSucc
				}
				return nil, nil
			}
		}
	}
	return nil, nil
}

func (m *model) isNil(e ast.Expr) bool {
	id, ok := ast.Unparen(e).(*ast.Ident)
	if !ok {
		return false
	}
	_, isNil := m.info.Uses[id].(*types.Nil)
	return isNil
}

// mayReturn reports whether a call statement may return, for the
// control-flow graph: panic, os.Exit, log.Fatal and the like end a path.
func (m *model) mayReturn(call *ast.CallExpr) bool {
	if isBuiltin(m.info, call.Fun, "panic") {
		return false
	}
	fn := funcs.Called(m.info, call)
	return fn == nil || !noReturn(fn)
}

// noReturn lists functions that never return: the standard library's,
// and those of popular logging packages that exit (as go vet's ctrlflow
// pass and staticcheck list them).
func noReturn(fn *types.Func) bool {
	name, recv := fn.Name(), httpfw.RecvName(fn)
	fatal := len(name) >= 5 && (name[:5] == "Fatal" || name[:5] == "Panic")
	switch httpfw.PkgPath(fn) {
	case "os", "syscall":
		return recv == "" && name == "Exit"
	case "runtime":
		return recv == "" && name == "Goexit"
	case "log":
		return (recv == "" || recv == "Logger") && fatal
	case "github.com/sirupsen/logrus":
		return (recv == "" || recv == "Logger" || recv == "Entry") && (fatal || name == "Exit")
	case "go.uber.org/zap":
		return (recv == "Logger" || recv == "SugaredLogger") && fatal
	case "k8s.io/klog", "k8s.io/klog/v2":
		return recv == "" && (fatal || len(name) >= 4 && name[:4] == "Exit")
	}
	return false
}

// isResponseType reports whether a value of type t is a response: a
// framework's response parameter, or a type with the methods of
// http.ResponseWriter (such as an httptest.ResponseRecorder).
func isResponseType(t types.Type) bool { return httpfw.ResponseParam(t) != 0 || hasWriterMethods(t) }

// receivesResponse reports whether the function of s has a parameter or
// receiver that is a response.
func receivesResponse(s *scope) bool {
	if s.sig == nil {
		return true // unknown: assume so, and never start afresh
	}
	if r := s.sig.Recv(); r != nil && isResponseType(r.Type()) {
		return true
	}
	for i := 0; i < s.sig.Params().Len(); i++ {
		if isResponseType(s.sig.Params().At(i).Type()) {
			return true
		}
	}
	return false
}

// definesResponse reports whether st declares a variable that is a
// response. In a function that receives no response, each such response
// is the function's own, and the events of one (say, in the previous
// iteration of a loop that declares it) do not concern the next: the
// flow starts afresh after st.
func (m *model) definesResponse(st ast.Stmt) bool {
	var idents []*ast.Ident
	switch st := st.(type) {
	case *ast.AssignStmt:
		if st.Tok != token.DEFINE {
			return false
		}
		for _, x := range st.Lhs {
			if id, ok := x.(*ast.Ident); ok {
				idents = append(idents, id)
			}
		}
	case *ast.DeclStmt:
		if g, ok := st.Decl.(*ast.GenDecl); ok && g.Tok == token.VAR {
			for _, spec := range g.Specs {
				idents = append(idents, spec.(*ast.ValueSpec).Names...)
			}
		}
	}
	for _, id := range idents {
		if v, ok := m.info.Defs[id].(*types.Var); ok && isResponseType(v.Type()) {
			return true
		}
	}
	return false
}
