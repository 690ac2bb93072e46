package driver

import (
	"bytes"
	"fmt"
	"os/exec"
	"strings"

	"golang.org/x/tools/go/packages"
)

// exportFiles returns, by package path, the export data files of those
// of paths that the go command has up to date in its build cache. It does
// not build the others: compiling a dependency costs several times what
// type-checking it does, so a dependency that was never built (on a
// machine whose build cache is empty) is better read from source.
func exportFiles(paths []string, cfg Config) (map[string]string, error) {
	args := append([]string{"list", "-e", "-f", "{{if not .Stale}}{{.ImportPath}}{{end}}"}, cfg.BuildFlags...)
	cmd := exec.Command("go", append(args, paths...)...)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		return nil, fmt.Errorf("go list: %v\n%s", err, stderr.Bytes())
	}
	fresh := strings.Fields(stdout.String())
	files := make(map[string]string, len(fresh))
	if len(fresh) == 0 {
		return files, nil
	}
	list, err := packages.Load(&packages.Config{Mode: packages.NeedName | packages.NeedExportFile, BuildFlags: cfg.BuildFlags}, fresh...)
	if err != nil {
		return nil, err
	}
	for _, e := range list {
		if len(e.Errors) == 0 && e.ExportFile != "" {
			files[e.PkgPath] = e.ExportFile
		}
	}
	return files, nil
}
