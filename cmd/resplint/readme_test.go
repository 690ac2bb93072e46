package main

import (
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

// The README's quick start shows what its command prints: the command is
// read from the README (the directory it changes to and resplint's
// arguments), run the same way with the binary under test in place of the
// installed one, and its output compared byte for byte with the block
// after "The first command prints", as is the exit status the README
// gives. Nothing is normalised: the output names files relative to the
// directory and holds no times.
func TestReadmeQuickStart(t *testing.T) {
	root, err := filepath.Abs(filepath.Join("..", ".."))
	if err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile(filepath.Join(root, "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	readme := string(data)
	_, quick, ok := strings.Cut(readme, "\n## Quick start\n")
	if !ok {
		t.Fatal("README.md has no Quick start section")
	}
	quick, _, _ = strings.Cut(quick, "\n## ")
	cmd := regexp.MustCompile("(?m)^go install ./cmd/resplint && \\(cd (\\S+) && \"\\$\\(go env GOPATH\\)/bin/resplint\" ([^)]*)\\)$").FindStringSubmatch(quick)
	if cmd == nil {
		t.Fatal("the Quick start section has no command `go install ./cmd/resplint && (cd DIR && \"$(go env GOPATH)/bin/resplint\" ARGS)`")
	}
	sample := regexp.MustCompile("(?s)The first command prints.*?exits with status (\\d+).*?\n```\n(.*?)```\n").FindStringSubmatch(quick)
	if sample == nil {
		t.Fatal("the Quick start section has no output block after \"The first command prints ... exits with status N\"")
	}
	wantCode, _ := strconv.Atoi(sample[1])

	res := resplint(t, filepath.Join(root, filepath.FromSlash(cmd[1])), strings.Fields(cmd[2])...)
	if got := res.stdout + res.stderr; got != sample[2] || res.code != wantCode {
		t.Errorf("(cd %s && resplint %s) printed, with exit status %d:\n%s\nthe README shows, with exit status %d:\n%s",
			cmd[1], cmd[2], res.code, got, wantCode, sample[2])
	}
}
