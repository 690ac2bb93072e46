package unit

import (
	"go/types"
	"reflect"

	"golang.org/x/tools/go/analysis"
)

// facts holds the facts exported on one package.
type facts struct {
	objects  map[objectKey]analysis.Fact
	packages map[reflect.Type]analysis.Fact
}

type objectKey struct {
	obj types.Object
	typ reflect.Type
}

func newFacts() facts {
	return facts{objects: make(map[objectKey]analysis.Fact), packages: make(map[reflect.Type]analysis.Fact)}
}

// objectFacts returns the object facts of the kinds given about the
// objects for which keep, if not nil, reports true.
func (fs *facts) objectFacts(kinds map[reflect.Type]bool, keep func(types.Object) bool) []analysis.ObjectFact {
	var list []analysis.ObjectFact
	for k, f := range fs.objects {
		if kinds[k.typ] && (keep == nil || keep(k.obj)) {
			list = append(list, analysis.ObjectFact{Object: k.obj, Fact: f})
		}
	}
	return list
}

// packageFacts returns the facts of the kinds given about pkg.
func (fs *facts) packageFacts(pkg *types.Package, kinds map[reflect.Type]bool) []analysis.PackageFact {
	var list []analysis.PackageFact
	for t, f := range fs.packages {
		if kinds[t] {
			list = append(list, analysis.PackageFact{Package: pkg, Fact: f})
		}
	}
	return list
}

// visible reports whether checker would make a fact about obj, exported
// on a dependency, visible to a package: checker passes facts from each
// package to its importers, dropping, at each step, those of objects that
// cannot appear in the importer's export data. So facts about methods,
// fields, types and constants reach every package depending on theirs;
// facts about other functions (exported ones) and variables reach only
// the packages that import theirs directly.
func visible(obj types.Object, direct bool) bool {
	switch obj := obj.(type) {
	case *types.Func:
		return obj.Signature().Recv() != nil || direct && obj.Exported()
	case *types.Var:
		return obj.IsField() || direct
	case *types.TypeName, *types.Const:
		return true
	}
	return false
}

// copyFact copies fact, if not nil, to *ptr.
func copyFact(fact, ptr analysis.Fact) bool {
	if fact == nil {
		return false
	}
	reflect.ValueOf(ptr).Elem().Set(reflect.ValueOf(fact).Elem())
	return true
}
