package respmodel

import (
	"go/ast"
	"go/constant"
	"strings"

	"github.com/resplint/resplint/analyzers/internal/httpfw"
)

// writerEvent completes ev for a write through an io.Writer, which is a
// body write only when the writer is the response, or for httpsafe's
// Cache-Control setters; it reports false when the call is neither.
func (m *model) writerEvent(ev *Event, a httpfw.Call, call *ast.CallExpr, s *scope) bool {
	switch a.Op {
	case httpfw.WriterBody:
		if a.Arg >= len(call.Args) {
			return false
		}
		if ev.Framework = m.writerFramework(call.Args[a.Arg]); ev.Framework == 0 {
			return false
		}
		ev.Kind, ev.Body = WriteBody, a.Body
		if data := m.printed(a, call); data != nil {
			m.jsonBody(ev, data, s)
		}
	case httpfw.Encode:
		if ev.Framework = m.writerFramework(m.encoderWriter(call)); ev.Framework == 0 {
			return false
		}
		ev.Kind, ev.Body = WriteBody, a.Body
		if a.Arg >= 0 && a.Arg < len(call.Args) {
			ev.bodyTyp = m.info.TypeOf(call.Args[a.Arg])
			m.jsonBody(ev, call.Args[a.Arg], s)
		}
	case httpfw.CacheHelper:
		if len(call.Args) == 0 {
			return false
		}
		// httpsafe v0 cache.go: NoStore writes CacheControlNoStore;
		// Private and Public a max-age computed at run time.
		value := map[string]string{"NoStore": "private, no-store", "Private": "private, max-age", "Public": "public, max-age"}[a.Name]
		ev.Kind, ev.Header, ev.Value = SetHeader, "Cache-Control", knownStr(value)
		ev.Framework = m.writerFramework(call.Args[0])
	}
	return true
}

// printed returns the one value that fmt.Fprint(w, v), fmt.Fprintln(w,
// v), fmt.Fprintf(w, "%s", v) (a format of one %s or %v verb) or
// io.WriteString(w, v) writes, or nil: the bytes a helper marshalled are
// often written so.
func (m *model) printed(a httpfw.Call, call *ast.CallExpr) ast.Expr {
	switch a.Name {
	case "WriteString", "Fprint", "Fprintln":
		if len(call.Args) == 2 && !call.Ellipsis.IsValid() {
			return call.Args[1]
		}
	case "Fprintf":
		if len(call.Args) != 3 || call.Ellipsis.IsValid() {
			return nil
		}
		if f := m.info.Types[call.Args[1]].Value; f != nil && f.Kind() == constant.String {
			switch strings.TrimSuffix(constant.StringVal(f), "\n") {
			case "%s", "%v":
				return call.Args[2]
			}
		}
	}
	return nil
}
