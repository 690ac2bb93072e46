package names

import (
	"go/types"
	"testing"
)

func TestLogger(t *testing.T) {
	named := func(pkgPath, name string) types.Type {
		pkg := types.NewPackage(pkgPath, pkgPath)
		return types.NewNamed(types.NewTypeName(0, pkg, name, nil), types.NewStruct(nil, nil), nil)
	}
	for _, c := range []struct {
		t    types.Type
		want bool
	}{
		{types.NewPointer(named("log/slog", "Logger")), true},
		{types.NewPointer(named("go.uber.org/zap", "Logger")), true},
		{types.NewPointer(named("go.uber.org/zap", "SugaredLogger")), true},
		{types.NewPointer(named("github.com/sirupsen/logrus", "Entry")), true},
		{types.NewPointer(named("github.com/rs/zerolog", "Event")), true},
		{types.NewPointer(named("example.com/app/model", "User")), false},
		{named("example.com/app/dialog", "Box"), false},
		{named("example.com/app/model", "Event"), false},
		{types.Typ[types.String], false},
	} {
		if got := Logger(c.t); got != c.want {
			t.Errorf("Logger(%v) = %v, want %v", c.t, got, c.want)
		}
	}
}
