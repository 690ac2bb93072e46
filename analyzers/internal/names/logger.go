package names

import (
	"go/types"
	"path"
	"strings"
)

// Logger reports whether t is a logger, or a pointer to one: a named type
// called Logger or SugaredLogger (log, slog, zap, zerolog, hclog, logr),
// or an Entry or Event of a package whose name says it logs (logrus.Entry,
// zerolog.Event). A function that returns one builds a logger: what it
// reads of the request (the user's ID, to tag each line) goes to the log,
// not to the response.
func Logger(t types.Type) bool {
	if p, ok := t.(*types.Pointer); ok {
		t = p.Elem()
	}
	n, ok := types.Unalias(t).(*types.Named)
	if !ok || n.Obj().Pkg() == nil {
		return false
	}
	switch name := n.Obj().Name(); {
	case strings.HasSuffix(name, "Logger"):
		return true
	case name == "Entry" || name == "Event":
		pkg := path.Base(n.Obj().Pkg().Path())
		return strings.HasPrefix(pkg, "log") || strings.HasSuffix(pkg, "log")
	}
	return false
}
