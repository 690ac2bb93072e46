package driver

import (
	"bytes"
	"fmt"
	"iter"
	"os/exec"
	"runtime"
	"slices"
	"strings"
)

// exportFiles returns, by package path, the export data files of those
// of paths that the go command has up to date in its build cache. It does
// not build the others: compiling a dependency costs several times what
// type-checking it does, so a dependency that was never built (on a
// machine whose build cache is empty) is better read from source.
func exportFiles(paths []string, cfg Config) (map[string]string, error) {
	fresh, err := goList(cfg, []string{"-f", "{{if not .Stale}}{{.ImportPath}}{{end}}"}, paths)
	if err != nil {
		return nil, err
	}
	files := make(map[string]string)
	if len(fresh) == 0 {
		return files, nil
	}
	// Packages with errors have no export file.
	lines, err := goList(cfg, []string{"-export", "-f", "{{if .Export}}{{.ImportPath}}\t{{.Export}}{{end}}"}, fresh)
	if err != nil {
		return nil, err
	}
	for _, line := range lines {
		if path, file, ok := strings.Cut(line, "\t"); ok {
			files[path] = file
		}
	}
	return files, nil
}

// goList runs go list -e with args and the build flags over paths, in as
// few runs as the command-line limit allows (each run loads the module
// graph again), and returns the lines they print.
func goList(cfg Config, args, paths []string) ([]string, error) {
	var lines []string
	for chunk := range chunks(paths, argMax()) {
		cmd := exec.Command("go", slices.Concat([]string{"list", "-e", "-buildvcs=false"}, args, cfg.BuildFlags, chunk)...)
		var stdout, stderr bytes.Buffer
		cmd.Stdout, cmd.Stderr = &stdout, &stderr
		if err := cmd.Run(); err != nil {
			return nil, fmt.Errorf("go list: %v\n%s", err, stderr.Bytes())
		}
		for line := range strings.Lines(stdout.String()) {
			if line = strings.TrimRight(line, "\r\n"); line != "" {
				lines = append(lines, line)
			}
		}
	}
	return lines, nil
}

// argMax bounds the total length of the paths given to one go list.
// Windows limits a command line to 32767 characters; elsewhere the limit
// is 1 MB or more, the environment included.
func argMax() int {
	if runtime.GOOS == "windows" {
		return 16 << 10
	}
	return 256 << 10
}

// chunks yields paths in runs whose lengths, with a separator each, add
// up to at most max (a longer path is a run of its own).
func chunks(paths []string, max int) iter.Seq[[]string] {
	return func(yield func([]string) bool) {
		start, n := 0, 0
		for i, p := range paths {
			if n+len(p)+1 > max && i > start {
				if !yield(paths[start:i]) {
					return
				}
				start, n = i, 0
			}
			n += len(p) + 1
		}
		if start < len(paths) {
			yield(paths[start:])
		}
	}
}
