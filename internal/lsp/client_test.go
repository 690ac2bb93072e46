package lsp

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/resplint/resplint/analyzers"
)

// A client drives a server started by Serve over pipes, as an editor does.
type client struct {
	t     *testing.T
	in    *io.PipeWriter // the server's input
	out   *writer
	done  chan error // Serve's result
	notes chan *message

	mu      sync.Mutex
	nextID  int
	pending map[string]chan *message
}

// timeout bounds every wait: the first analysis type-checks net/http and
// its dependencies from source on a machine that may be busy.
const timeout = 5 * time.Minute

// testEnv is the environment of the go command in tests: offline.
func testEnv() []string {
	return append(os.Environ(), "GOPROXY=off", "GOFLAGS=-mod=mod", "GOWORK=off")
}

// fixture copies the module testdata/name to a new directory.
func fixture(t *testing.T, name string) string {
	t.Helper()
	dir := t.TempDir()
	if err := os.CopyFS(dir, os.DirFS(filepath.Join("testdata", name))); err != nil {
		t.Fatal(err)
	}
	// CopyFS makes files read-only copies of their modes; make them writable.
	filepath.WalkDir(dir, func(path string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			os.Chmod(path, 0o644)
		}
		return err
	})
	return dir
}

func startServer(t *testing.T, defaults string) *client {
	t.Helper()
	inR, inW := io.Pipe()
	outR, outW := io.Pipe()
	c := &client{
		t:       t,
		in:      inW,
		out:     &writer{w: inW},
		done:    make(chan error, 1),
		notes:   make(chan *message, 1000),
		pending: make(map[string]chan *message),
	}
	opts := Options{Analyzers: analyzers.All, Sources: analyzers.Sources, Env: testEnv(), Log: testLog{t}, Version: "test"}
	if defaults != "" {
		opts.Defaults = json.RawMessage(defaults)
	}
	go func() {
		c.done <- Serve(context.Background(), inR, outW, opts)
		outW.Close()
	}()
	go c.readLoop(newReader(outR))
	t.Cleanup(func() { inW.Close() })
	return c
}

// testLog writes the server's log to the test's.
type testLog struct{ t *testing.T }

func (l testLog) Write(p []byte) (int, error) {
	l.t.Log(strings.TrimSuffix(string(p), "\n"))
	return len(p), nil
}

func (c *client) readLoop(rd *reader) {
	for {
		m, err := rd.read()
		if err != nil {
			close(c.notes)
			return
		}
		if m.Method != "" {
			c.notes <- m
			continue
		}
		c.mu.Lock()
		ch := c.pending[string(m.ID)]
		delete(c.pending, string(m.ID))
		c.mu.Unlock()
		if ch != nil {
			ch <- m
		}
	}
}

// call sends a request and decodes its result into result, returning the
// error of the response.
func (c *client) call(method string, params, result any) *rpcError {
	c.t.Helper()
	c.mu.Lock()
	c.nextID++
	id := json.RawMessage(fmt.Sprint(c.nextID))
	ch := make(chan *message, 1)
	c.pending[string(id)] = ch
	c.mu.Unlock()
	if err := c.out.write(struct {
		JSONRPC string          `json:"jsonrpc"`
		ID      json.RawMessage `json:"id"`
		Method  string          `json:"method"`
		Params  any             `json:"params"`
	}{"2.0", id, method, params}); err != nil {
		c.t.Fatalf("%s: %v", method, err)
	}
	select {
	case m := <-ch:
		if m.Error != nil {
			return m.Error
		}
		if result != nil {
			if err := json.Unmarshal(m.Result, result); err != nil {
				c.t.Fatalf("%s: result %s: %v", method, m.Result, err)
			}
		}
		return nil
	case <-time.After(timeout):
		c.t.Fatalf("%s: no response", method)
		return nil
	}
}

func (c *client) notify(method string, params any) {
	c.t.Helper()
	if err := c.out.notify(method, params); err != nil {
		c.t.Fatalf("%s: %v", method, err)
	}
}

// next returns the next notification from the server, of the given
// method, for which match (if not nil) is true, dropping others.
func (c *client) next(method string, match func(json.RawMessage) bool) json.RawMessage {
	c.t.Helper()
	deadline := time.After(timeout)
	for {
		select {
		case m, ok := <-c.notes:
			if !ok {
				c.t.Fatalf("server closed its output while waiting for %s", method)
			}
			if m.Method == method && (match == nil || match(m.Params)) {
				return m.Params
			}
		case <-deadline:
			c.t.Fatalf("no %s from the server", method)
		}
	}
}

// diagnostics waits for the next diagnostics of the document uri.
func (c *client) diagnostics(uri string) publishDiagnosticsParams {
	c.t.Helper()
	var p publishDiagnosticsParams
	c.next("textDocument/publishDiagnostics", func(raw json.RawMessage) bool {
		p = publishDiagnosticsParams{}
		return json.Unmarshal(raw, &p) == nil && p.URI == uri
	})
	return p
}

// runLog waits for the log message that ends a run and returns it.
func (c *client) runLog() string {
	c.t.Helper()
	var p logMessageParams
	c.next("window/logMessage", func(raw json.RawMessage) bool {
		return json.Unmarshal(raw, &p) == nil && strings.Contains(p.Message, " type-checked, ")
	})
	return p.Message
}

// exit sends exit and returns what Serve returned.
func (c *client) exit() error {
	c.t.Helper()
	c.notify("exit", nil)
	select {
	case err := <-c.done:
		return err
	case <-time.After(timeout):
		c.t.Fatal("the server did not exit")
		return nil
	}
}
