package cors

import (
	"go/ast"
	"go/types"
	"strconv"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/types/typeutil"
)

// describe names a loose origin check and an origin that passes it.
func describe(pass *analysis.Pass, check ast.Expr) string {
	text := types.ExprString(check)
	call, ok := check.(*ast.CallExpr)
	if !ok {
		return text
	}
	fn, _ := typeutil.Callee(pass.TypesInfo, call).(*types.Func)
	if fn == nil {
		return text
	}
	var s string
	if fn.Pkg() != nil && fn.Pkg().Path() == "strings" && len(call.Args) == 2 {
		s, _ = constString(pass.TypesInfo, call.Args[1])
	}
	var example string
	switch fn.FullName() {
	case "strings.HasSuffix":
		if s != "" {
			example = "https://attacker" + s
		}
	case "strings.HasPrefix", "strings.Contains":
		if s != "" {
			if !strings.Contains(s, "://") {
				s = "https://" + s
			}
			example = s + ".attacker.example"
		}
	default:
		return text + ", a regular expression without ^ and $ that also matches origins that only contain a match"
	}
	if example == "" {
		return text + ", which attacker origins pass"
	}
	return text + ", which origins such as " + strconv.Quote(example) + " pass"
}
