package jsonleak

import (
	"cmp"
	"go/types"
	"math"
	"slices"
)

// The leaks reachable from a vertex, and the length of the shortest path
// to each, are computed once per strongly connected component of the
// type graph (Tarjan's algorithm): a component's vertices reach the same
// leaks, and their distances come from one multi-source shortest-path
// pass over the component. Every vertex is thus walked once per package,
// recursive types end, and a root only follows its distances to rebuild
// the few paths a message names.

// reachable returns every leak reachable from v.
func (w *walker) reachable(v *vertex) []*leak {
	if !v.reachOK {
		w.strongConnect(v)
	}
	return v.reach
}

func (w *walker) strongConnect(v *vertex) {
	w.counter++
	v.index, v.low = w.counter, w.counter
	w.stack = append(w.stack, v)
	v.onStack = true
	for _, e := range w.edges(v) {
		switch c := e.to; {
		case c == nil || c.reachOK:
		case c.index == 0:
			w.strongConnect(c)
			v.low = min(v.low, c.low)
		case c.onStack:
			v.low = min(v.low, c.index)
		}
	}
	if v.low != v.index {
		return
	}
	i := len(w.stack) - 1
	for w.stack[i] != v {
		i--
	}
	comp := slices.Clone(w.stack[i:])
	w.stack = w.stack[:i]
	w.close(comp)
}

// close computes the leaks of a component whose successors outside it
// are done.
func (w *walker) close(comp []*vertex) {
	if len(comp) == 1 && w.closeThrough(comp[0]) {
		return
	}
	for i, m := range comp {
		m.member = i + 1
	}
	// The leaks the members reach, each once (by field), and the least
	// distance from each member to each through an edge leaving the
	// component: out[i][j] for member i and set[j].
	var set []*leak
	index := make(map[*types.Var]int)
	add := func(l *leak) int {
		j, ok := index[l.field]
		if !ok {
			j = len(set)
			index[l.field] = j
			set = append(set, l)
		}
		return j
	}
	type step struct {
		leak int
		dist int32
	}
	out := make([][]step, len(comp))
	for i, m := range comp {
		for _, e := range w.edges(m) {
			switch {
			case e.leak != nil:
				out[i] = append(out[i], step{add(e.leak), 1})
			case e.to.member == 0:
				for k, l := range e.to.reach {
					out[i] = append(out[i], step{add(l), e.to.dist[k] + 1})
				}
			}
		}
	}
	// preds[j]: the members with an edge to member j.
	preds := make([][]int, len(comp))
	for i, m := range comp {
		for _, e := range w.edges(m) {
			if e.to != nil && e.to.member != 0 {
				preds[e.to.member-1] = append(preds[e.to.member-1], i)
			}
		}
	}
	for _, m := range comp {
		m.dist = make([]int32, len(set))
		for j := range m.dist {
			m.dist[j] = math.MaxInt32
		}
	}
	for i, m := range comp {
		for _, st := range out[i] {
			m.dist[st.leak] = min(m.dist[st.leak], st.dist)
		}
	}
	if len(comp) > 1 {
		dist := make([]int32, len(comp))
		for j := range set {
			for i, m := range comp {
				dist[i] = m.dist[j]
			}
			shortest(dist, preds)
			for i, m := range comp {
				m.dist[j] = dist[i]
			}
		}
	}
	for _, m := range comp {
		m.onStack, m.member, m.reach, m.reachOK = false, 0, set, true
	}
}

// closeThrough closes v, a component of its own, if it reaches leaks
// through one done vertex at most (v is a pointer, slice or map of a
// type, a struct whose other fields reach no secret, or a value that
// reaches none): v reaches the same leaks, one step further, and shares
// that vertex's set of them rather than building a copy. It reports
// whether v was closed.
func (w *walker) closeThrough(v *vertex) bool {
	var next *vertex
	for _, e := range w.edges(v) {
		switch {
		case e.leak != nil || e.to == nil:
			return false
		case e.to == v || e.to == next || len(e.to.reach) == 0:
			// Back to v, again to next, or to nothing: nothing new.
		case next != nil:
			return false
		default:
			next = e.to
		}
	}
	v.onStack, v.reachOK = false, true
	if next == nil {
		return true // it reaches no leak
	}
	v.dist = make([]int32, len(next.reach))
	for j, d := range next.dist {
		v.dist[j] = d + 1
	}
	v.reach = next.reach
	return true
}

// shortest lowers dist, the members' distances through edges leaving the
// component, to their shortest distances through the component's own
// edges (one step each): a breadth-first search whose sources start at
// their own distances.
func shortest(dist []int32, preds [][]int) {
	var sources []int
	for i, d := range dist {
		if d != math.MaxInt32 {
			sources = append(sources, i)
		}
	}
	slices.SortStableFunc(sources, func(a, b int) int { return cmp.Compare(dist[a], dist[b]) })
	done := make([]bool, len(dist))
	var queue []int
	for qi, si := 0, 0; qi < len(queue) || si < len(sources); {
		var u int
		if si < len(sources) && (qi == len(queue) || dist[sources[si]] <= dist[queue[qi]]) {
			u, si = sources[si], si+1
		} else {
			u, qi = queue[qi], qi+1
		}
		if done[u] {
			continue
		}
		done[u] = true
		for _, p := range preds[u] {
			if dist[u]+1 < dist[p] {
				dist[p] = dist[u] + 1
				queue = append(queue, p)
			}
		}
	}
}

// distTo returns the length of the shortest path from a done vertex to
// the leak of field, or -1.
func (v *vertex) distTo(field *types.Var) int32 {
	for i, l := range v.reach {
		if l.field == field {
			return v.dist[i]
		}
	}
	return -1
}

// leaks returns every leak reachable from n, nearest first. The first
// maxNamed of each kind, which messages name, carry their shortest
// paths.
func (w *walker) leaks(n node) []*leak {
	if n.t == nil {
		return nil
	}
	root := w.vertex(n)
	if root.leaksOK {
		return root.leaks
	}
	root.leaksOK = true
	all := w.reachable(root)
	var order []int
	for i, l := range all {
		if !w.dropped(l) {
			order = append(order, i)
		}
	}
	slices.SortStableFunc(order, func(a, b int) int { return cmp.Compare(root.dist[a], root.dist[b]) })
	named := map[kind]int{}
	var out, rest []*leak
	for _, i := range order {
		l := all[i]
		if named[l.kind] == maxNamed {
			rest = append(rest, l)
			continue
		}
		named[l.kind]++
		c := *l
		c.path, c.skipped = w.pathTo(root, l.field, root.dist[i])
		out = append(out, &c)
	}
	root.leaks = append(out, rest...)
	return root.leaks
}

// pathTo follows the distances from v to the leak of field, d steps away,
// and returns the path and the first type on it whose pointer-receiver
// MarshalJSON encoding/json skips.
func (w *walker) pathTo(v *vertex, field *types.Var, d int32) (*path, types.Type) {
	var p *path
	skipped := w.skippedMarshaler(v)
next:
	for d > 0 {
		for _, e := range w.edges(v) {
			if e.leak != nil && e.leak.field == field && d == 1 {
				return &path{e.step, p}, skipped
			}
		}
		for _, e := range w.edges(v) {
			// The vertices after one whose leaks came from a fact
			// have not been walked yet.
			if e.to != nil && w.reachable(e.to) != nil && e.to.distTo(field) == d-1 {
				p, v, d = &path{e.step, p}, e.to, d-1
				if skipped == nil {
					skipped = w.skippedMarshaler(v)
				}
				continue next
			}
		}
		break
	}
	return p, skipped
}
