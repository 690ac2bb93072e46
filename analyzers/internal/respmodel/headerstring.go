package respmodel

import (
	"go/ast"
	"go/token"
	"net/http"
	"strconv"
	"strings"

	"github.com/resplint/resplint/analyzers/internal/funcs"
	"github.com/resplint/resplint/analyzers/internal/httpfw"
)

// hole stands for a part of a header value only known at run time.
const hole = "\x00"

// headerString is a Set-Cookie value written as a string expression.
type headerString struct {
	expr ast.Expr      // the whole value
	last *ast.BasicLit // the literal that ends the value, if one does
}

// headerText flattens a string expression into its constant text, with a
// hole for every part computed at run time: constants, concatenations and
// fmt.Sprintf formats are followed.
func (m *model) headerText(e ast.Expr, s *scope, depth int) (text string, last *ast.BasicLit) {
	e = ast.Unparen(e)
	if v := m.eval(e, s.params); v.State == Known {
		lit, _ := e.(*ast.BasicLit)
		return v.Str, lit
	}
	if depth > maxDepth {
		return hole, nil
	}
	switch x := e.(type) {
	case *ast.BinaryExpr:
		if x.Op == token.ADD {
			l, _ := m.headerText(x.X, s, depth+1)
			r, last := m.headerText(x.Y, s, depth+1)
			return l + r, last
		}
	case *ast.CallExpr:
		if fn := funcs.Called(m.info, x); fn != nil && httpfw.PkgPath(fn) == "fmt" && fn.Name() == "Sprintf" && len(x.Args) > 0 {
			if f := m.eval(x.Args[0], s.params); f.State == Known {
				lit, _ := ast.Unparen(x.Args[0]).(*ast.BasicLit)
				return formatHoles(f.Str), lit
			}
		}
	case *ast.Ident:
		if obj := m.info.Uses[x]; obj != nil {
			if rhs, ok := m.defs.single(obj); ok && rhs != nil {
				text, _ := m.headerText(rhs, s, depth+1)
				return text, nil
			}
		}
	}
	return hole, nil
}

// formatHoles replaces the verbs of a printf format by holes.
func formatHoles(format string) string {
	pieces, _ := parseFormat(format)
	var b strings.Builder
	for _, p := range pieces {
		if p.verb < 0 {
			b.WriteString(p.text)
		} else {
			b.WriteString(hole)
		}
	}
	return b.String()
}

// parseSetCookie builds a cookie from Set-Cookie text with holes. An
// attribute list that itself contains a hole makes every attribute
// unknown; a hole in one attribute's value makes that one unknown.
func parseSetCookie(text string) *Cookie {
	c := newCookie(httpfw.NetHTTP, HeaderString, "")
	parts := strings.Split(text, ";")
	name, value, _ := strings.Cut(parts[0], "=")
	name = strings.TrimSpace(name)
	if value = strings.TrimSpace(value); strings.Contains(value, hole) {
		c.Value = unknown(nil)
	} else {
		c.Value = knownStr(value)
	}
	if strings.Contains(name, hole) || name == "" {
		c.Name = unknown(nil)
	} else {
		c.Name = knownStr(name)
	}
	for _, p := range parts[1:] {
		k, v, _ := strings.Cut(strings.TrimSpace(p), "=")
		k = strings.ToLower(strings.TrimSpace(k))
		v = strings.TrimSpace(v)
		if strings.Contains(k, hole) {
			for _, a := range c.attrs()[1:] {
				if a.State == Absent {
					*a = unknown(nil)
				}
			}
			continue
		}
		var val Value
		switch {
		case strings.Contains(v, hole):
			val = unknown(nil)
		case k == "max-age":
			n, err := strconv.ParseInt(v, 10, 64)
			if err != nil {
				continue
			}
			if n <= 0 {
				n = -1 // Max-Age=0 and below delete the cookie (RFC 6265 5.2.2)
			}
			val = knownInt(n)
		case k == "expires":
			t, err := http.ParseTime(v)
			val = knownBool(err == nil && t.Unix() < 1e9)
		default:
			val = knownStr(v)
		}
		switch k {
		case "httponly", "secure", "partitioned":
			if val.State == Known {
				val = knownBool(true)
			}
		}
		if f := c.field(headerAttr(k)); f != nil {
			*f = val
		}
	}
	return c
}

// headerAttr maps a lower-case Set-Cookie attribute name to the Cookie
// field it sets, or "".
func headerAttr(k string) string {
	switch k {
	case "httponly":
		return "HttpOnly"
	case "secure":
		return "Secure"
	case "partitioned":
		return "Partitioned"
	case "samesite":
		return "SameSite"
	case "max-age":
		return "MaxAge"
	case "expires":
		return "Expires"
	case "path":
		return "Path"
	case "domain":
		return "Domain"
	}
	return ""
}

// headerCookie resolves the value of a Set-Cookie header to a cookie: a
// cookie's String() method, or a string with holes.
func (m *model) headerCookie(e ast.Expr, s *scope, sink ast.Node) *Cookie {
	if call, ok := ast.Unparen(e).(*ast.CallExpr); ok {
		if sel, ok := call.Fun.(*ast.SelectorExpr); ok && sel.Sel.Name == "String" && len(call.Args) == 0 {
			if c := m.resolveCookie(sel.X, s, sink, 0); c != nil {
				return c
			}
		}
	}
	text, last := m.headerText(e, s, 0)
	if text == hole {
		return nil
	}
	c := parseSetCookie(text)
	c.syn.header = &headerString{expr: e, last: last}
	c.syn.decl = e
	return c
}
