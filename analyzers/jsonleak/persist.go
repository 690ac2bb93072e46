package jsonleak

import (
	"go/types"
	"reflect"
	"regexp"

	"golang.org/x/tools/go/types/typeutil"

	"github.com/resplint/resplint/analyzers/internal/flagx"
)

// persistenceTags are the struct tag keys of ORMs and drivers: gorm,
// sqlx/sqlc/pgx/go-pg and most others (db), the MongoDB driver (bson),
// and sql.
var persistenceTags = []string{"gorm", "db", "bson", "sql"}

// gormModels are the import paths whose Model type, embedded, makes a
// struct a gorm model.
var gormModels = []string{"gorm.io/gorm", "github.com/jinzhu/gorm"}

// dtoName matches the names of structs that are response types, not
// stored records, even in a models package: login, sign-in, auth, token
// and session structs return credentials on purpose, and a
// ...Response, ...Result or ...DTO is built to be sent.
var dtoName = regexp.MustCompile(`(?i)log_?in|sign_?in|sign_?up|register|auth|token|session|credential|refresh|(response|resp|result|dto|view|reply|payload|output)$`)

// models says which structs are persistence models, caching per type.
type models struct {
	pkgs  *flagx.Regexp
	cache typeutil.Map // types.Type -> bool
}

// persistent reports whether the struct type t is a persistence model:
// a field (its own or an embedded struct's) has a gorm, db, bson or sql
// tag; it embeds gorm.Model; or it is declared in a models or entity
// package and its name is not that of a response type.
func (m *models) persistent(t types.Type) bool {
	if t == nil {
		return false
	}
	if v, ok := m.cache.At(t).(bool); ok {
		return v
	}
	v := tagged(t, 0)
	if !v {
		if n, ok := types.Unalias(t).(*types.Named); ok && n.Obj().Pkg() != nil {
			v = m.pkgs.MatchString(n.Obj().Pkg().Path()) && !dtoName.MatchString(n.Obj().Name())
		}
	}
	m.cache.Set(t, v)
	return v
}

// tagged reports whether struct type t or a struct it embeds carries a
// persistence tag or is gorm.Model.
func tagged(t types.Type, depth int) bool {
	if p, ok := types.Unalias(t).(*types.Pointer); ok {
		t = p.Elem()
	}
	if n, ok := types.Unalias(t).(*types.Named); ok && n.Obj().Name() == "Model" && n.Obj().Pkg() != nil {
		for _, path := range gormModels {
			if n.Obj().Pkg().Path() == path {
				return true
			}
		}
	}
	st, ok := t.Underlying().(*types.Struct)
	if !ok || depth > 4 {
		return false
	}
	for i := 0; i < st.NumFields(); i++ {
		tag := reflect.StructTag(st.Tag(i))
		for _, key := range persistenceTags {
			if _, ok := tag.Lookup(key); ok {
				return true
			}
		}
		if st.Field(i).Embedded() && tagged(st.Field(i).Type(), depth+1) {
			return true
		}
	}
	return false
}
