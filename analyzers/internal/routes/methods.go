package routes

import (
	"go/ast"
	"go/constant"
	"go/types"
	"regexp"
	"strings"

	"golang.org/x/tools/go/ast/edge"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/resplint/resplint/analyzers/internal/httpfw"
)

// mutatingVerb matches handler names that say the handler changes
// state, after an optional "handle" prefix: createUser, UpdateArticle,
// handleDeleteToken, Logout. Such handlers serve POST, PUT, PATCH or
// DELETE; the name is the only hint when no registration is seen.
var mutatingVerb = regexp.MustCompile(`^(?:[Hh]andle)?(?:[Cc]reate|[Uu]pdate|[Dd]elete|[Rr]emove|[Aa]dd|[Pp]ost|[Pp]ut|[Pp]atch|[Ss]ave|[Ss]et|[Ee]dit|[Uu]pload|[Ii]nsert|[Mm]odify|[Dd]estroy|[Ll]ogout|[Ss]ign[Oo]ut)(?:[A-Z_]|$)`)

// unregisteredSafe reports whether a function declaration that no route of
// its package serves may serve GET or HEAD: its swag annotation
// ("@Router /path [post]") says so or, without one, its name does not say
// that it changes state.
func unregisteredSafe(d *ast.FuncDecl) bool {
	if ms := documentedMethods(d.Doc); len(ms) > 0 {
		return Safe(ms)
	}
	return !mutatingVerb.MatchString(d.Name.Name)
}

// Safe reports whether ms holds GET, HEAD or something unknown ("").
func Safe(ms []string) bool {
	for _, m := range ms {
		if m == "" || m == "GET" || m == "HEAD" {
			return true
		}
	}
	return false
}

// documentedMethods returns the methods of the swag (swaggo/swag)
// annotations "@Router /path [post]" in a handler's doc comment, which
// generate its OpenAPI description and so say how it is served where the
// registration is out of sight.
func documentedMethods(doc *ast.CommentGroup) []string {
	if doc == nil {
		return nil
	}
	var ms []string
	for _, c := range doc.List {
		text := strings.TrimSpace(strings.TrimPrefix(c.Text, "//"))
		rest, ok := strings.CutPrefix(text, "@Router")
		if !ok {
			continue
		}
		_, m, ok := strings.Cut(rest, "[")
		if ok {
			m, _, ok = strings.Cut(m, "]")
		}
		if !ok {
			return nil // not swag's form: take no hint
		}
		ms = append(ms, strings.ToUpper(strings.TrimSpace(m)))
	}
	return ms
}

// servesGET reports whether a registration may serve the handler for GET
// or HEAD, whose responses shared caches store. The methods come from the
// registering method's name (r.Get, e.POST), a method or "METHOD /path"
// pattern among the arguments (mux.HandleFunc("POST /x", h), r.Handle("PUT",
// ...), r.Method("DELETE", ...)), or gorilla/mux's Methods(...) on the
// route.
func (m *Model) servesGET(cur inspector.Cursor, call *ast.CallExpr, idx int) bool {
	methods := make(map[string]bool)
	if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok && httpMethod(strings.ToUpper(sel.Sel.Name)) {
		methods[strings.ToUpper(sel.Sel.Name)] = true
	}
	for i, a := range call.Args {
		if i == idx {
			continue
		}
		for _, s := range m.constStrings(a) {
			m, _, _ := strings.Cut(s, " ")
			if httpMethod(m) {
				methods[m] = true
			}
		}
	}
	if len(methods) == 0 {
		m.restrictedMethods(cur, call, methods)
	}
	return len(methods) == 0 || methods["GET"] || methods["HEAD"]
}

// restrictedMethods adds the arguments of the calls that restrict the
// methods of the route a registration makes (httpfw.RestrictsMethods):
// gorilla/mux's r.Methods("POST").HandlerFunc(h) or r.HandleFunc("/x",
// h).Methods("POST").
func (m *Model) restrictedMethods(cur inspector.Cursor, call *ast.CallExpr, methods map[string]bool) {
	add := func(c *ast.CallExpr) {
		if sel, ok := ast.Unparen(c.Fun).(*ast.SelectorExpr); ok && httpfw.RestrictsMethods(sel.Sel.Name) {
			for _, a := range c.Args {
				for _, s := range m.constStrings(a) {
					methods[strings.ToUpper(s)] = true
				}
			}
		}
	}
	for x := m.receiver(call); x != nil; {
		c, ok := ast.Unparen(x).(*ast.CallExpr)
		if !ok {
			break
		}
		add(c)
		x = m.receiver(c)
	}
	for {
		if k, _ := cur.ParentEdge(); k != edge.SelectorExpr_X {
			return
		}
		cur = cur.Parent()
		if k, _ := cur.ParentEdge(); k != edge.CallExpr_Fun {
			return
		}
		cur = cur.Parent()
		add(cur.Node().(*ast.CallExpr))
	}
}

// constStrings returns the constant strings e denotes: a string constant
// or a slice literal of them.
func (m *Model) constStrings(e ast.Expr) []string { return constStrings(m.pass.TypesInfo, e) }

func constStrings(info *types.Info, e ast.Expr) []string {
	if lit, ok := ast.Unparen(e).(*ast.CompositeLit); ok {
		var out []string
		for _, elt := range lit.Elts {
			out = append(out, constStrings(info, elt)...)
		}
		return out
	}
	if tv, ok := info.Types[e]; ok && tv.Value != nil && tv.Value.Kind() == constant.String {
		return []string{constant.StringVal(tv.Value)}
	}
	return nil
}

func httpMethod(m string) bool {
	switch m {
	case "GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS", "CONNECT", "TRACE", "QUERY":
		return true
	}
	return false
}

// Pattern describes r for messages: its route literal's method and path,
// or else PatternOf its call.
func (r Route) Pattern(info *types.Info) string {
	if r.Lit == nil {
		return PatternOf(info, r.Call)
	}
	rt, _ := httpfw.Route(info.TypeOf(r.Lit))
	return strings.TrimSpace(strings.Join(literalField(info, r.Lit, rt.Method), "") + " " +
		strings.Join(literalField(info, r.Lit, rt.Pattern), ""))
}

// PatternOf describes a registration for messages: its method and the
// first constant string among its arguments ("GET /users/{id}"), or "".
// A method given as an argument before the path (Handle("GET", "/me",
// h), an application's Register(http.MethodGet, "/me", h)) counts as
// the method.
func PatternOf(info *types.Info, call *ast.CallExpr) string {
	var method, path string
	if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok && httpMethod(strings.ToUpper(sel.Sel.Name)) {
		method = strings.ToUpper(sel.Sel.Name)
	}
	for _, a := range call.Args {
		ss := constStrings(info, a)
		if len(ss) != 1 {
			continue
		}
		if method == "" && httpMethod(ss[0]) {
			method = ss[0]
			continue
		}
		path = ss[0]
		break
	}
	return strings.TrimSpace(method + " " + path)
}
