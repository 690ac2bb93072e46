package main

import (
	"encoding/json"
	"io"
	"strings"
	"testing"

	"github.com/resplint/resplint/analyzers"
)

// The command line's settings reach the language server in the form of
// its initializationOptions.
func TestCommandLineSettings(t *testing.T) {
	all := analyzers.All()
	opts, err := parseFlags([]string{"-cookieflags.all", "-cookieflags.names=^s$", "-tags=a,b", "-test=false", "lsp"}, all, io.Discard)
	if err != nil {
		t.Fatal(err)
	}
	got, err := json.Marshal(commandLineSettings(opts, all))
	if err != nil {
		t.Fatal(err)
	}
	want := `{"cookieflags":{"all":"true","names":"^s$"},"tags":"a,b","tests":false}`
	if string(got) != want {
		t.Errorf("settings = %s, want %s", got, want)
	}

	all = analyzers.All()
	opts, err = parseFlags([]string{"-cookieflags=false", "lsp"}, all, io.Discard)
	if err != nil {
		t.Fatal(err)
	}
	if got, _ := json.Marshal(commandLineSettings(opts, all)); !strings.Contains(string(got), `"disable":["cookieflags"]`) {
		t.Errorf("settings = %s, want cookieflags disabled", got)
	}
}

// "resplint lsp" takes no arguments.
func TestLSPUsage(t *testing.T) {
	r := execIn(t, t.TempDir(), binary, "lsp", "extra")
	if r.code != exitUsage || !strings.Contains(r.stderr, "usage: resplint [flags] lsp") {
		t.Errorf("resplint lsp extra: %+v", r)
	}
}
