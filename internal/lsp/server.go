// Package lsp is resplint's language server: it speaks the Language
// Server Protocol 3.17 over a stream (the standard input and output of
// "resplint lsp"), next to gopls, for Go files.
//
// It publishes the diagnostics of the resplint analyzers for the packages
// of the open Go files when they are opened and saved, and offers their
// suggested fixes as quick fixes. The contents of open files are read
// from the editor's buffers, saved or not. Analysis runs in the
// background through internal/cache, which re-analyses only the packages
// whose files changed and the packages that import them: the frameworks a
// package imports, and the facts the analyzers computed on them, are kept.
package lsp

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"runtime/debug"
	"slices"
	"strings"
	"sync"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/packages"

	"github.com/resplint/resplint/internal/cache"
)

// Options configure a server.
type Options struct {
	// Analyzers returns a fresh instance of every analyzer, with its own
	// flags, each time it is called.
	Analyzers func() []*analysis.Analyzer

	// Sources returns, for one run, which dependencies the analyzers need
	// to analyse for their facts (see analyzers.Sources and
	// cache.Options); nil means every dependency.
	Sources func() func(*packages.Package) bool

	// Defaults are the settings that apply before the client's
	// initializationOptions, such as those of the command line, in the
	// same form (see configure).
	Defaults json.RawMessage

	Env     []string  // of the go command; nil means os.Environ()
	Log     io.Writer // the server's own log, such as standard error; nil discards it
	Version string    // reported in serverInfo
}

// ErrNoShutdown is returned by Serve when the client asked to exit, or
// went away, without asking to shut down first; a server process then
// exits with status 1.
var ErrNoShutdown = errors.New("exit without shutdown")

// Server states.
const (
	stateNew = iota
	stateRunning
	stateShutDown
)

type server struct {
	opts   Options
	out    *writer
	ctx    context.Context // canceled at shutdown
	cancel context.CancelFunc

	trigger chan struct{} // asks the worker for a run; holds at most one
	worker  sync.WaitGroup

	mu         sync.Mutex
	state      int
	encoding   string
	docChanges bool                 // the client takes documentChanges in workspace edits
	folders    []string             // workspace folders
	anyFile    bool                 // no workspace was given: every file is in it
	docs       map[string]*document // open Go documents, by file name
	settings   [2]json.RawMessage   // initializationOptions, then didChangeConfiguration
	cache      *cache.Cache
	result     *cache.Result   // of the last run
	published  map[string]bool // files with diagnostics published
}

// A document is an open file.
type document struct {
	version int32
	text    []byte
}

// Serve runs a server that reads requests from in and writes to out
// until the client asks it to exit or closes in.
func Serve(ctx context.Context, in io.Reader, out io.Writer, opts Options) error {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	s := &server{
		opts:      opts,
		out:       &writer{w: out},
		ctx:       ctx,
		cancel:    cancel,
		trigger:   make(chan struct{}, 1),
		encoding:  encodingUTF16,
		docs:      make(map[string]*document),
		published: make(map[string]bool),
	}
	s.worker.Go(s.work)
	defer s.worker.Wait()
	defer cancel()

	rd := newReader(in)
	for {
		m, err := rd.read()
		switch {
		case errors.Is(err, io.EOF):
			return ErrNoShutdown
		case errors.Is(err, errBadMessage):
			s.logf("%v", err)
			if m == nil { // not JSON
				s.out.reply(nil, nil, errorf(codeParseError, "%v", err))
			} else {
				s.out.reply(m.ID, nil, errorf(codeInvalidRequest, "%v", err))
			}
			continue
		case err != nil:
			return err
		}
		if m.Method == "exit" {
			s.mu.Lock()
			defer s.mu.Unlock()
			if s.state != stateShutDown {
				return ErrNoShutdown
			}
			return nil
		}
		s.dispatch(m)
	}
}

// dispatch handles one message other than exit.
func (s *server) dispatch(m *message) {
	if m.Method == "" {
		return // a response; the server sends no requests
	}
	s.mu.Lock()
	state := s.state
	s.mu.Unlock()
	switch {
	case state == stateNew && m.Method != "initialize":
		if m.isRequest() {
			s.out.reply(m.ID, nil, errorf(codeServerNotInitialized, "the server is not initialized"))
		}
		return
	case state == stateShutDown:
		if m.isRequest() {
			s.out.reply(m.ID, nil, errorf(codeInvalidRequest, "the server is shut down"))
		}
		return
	}

	if !m.isRequest() {
		if h := notifications[m.Method]; h != nil {
			_, err := s.call(m.Method, func() (any, *rpcError) {
				if err := h(s, m.Params); err != nil {
					return nil, errorf(codeInvalidParams, "%v", err)
				}
				return nil, nil
			})
			if err != nil {
				s.logf("%s: %v", m.Method, err)
			}
		}
		return // unknown notifications, $/ ones included, are ignored
	}
	h := requests[m.Method]
	if h == nil {
		s.out.reply(m.ID, nil, errorf(codeMethodNotFound, "method %q not found", m.Method))
		return
	}
	result, err := s.call(m.Method, func() (any, *rpcError) { return h(s, m.Params) })
	if err := s.out.reply(m.ID, result, err); err != nil {
		s.logf("replying to %s: %v", m.Method, err)
	}
}

// call calls a handler, turning a panic into an internal error, so that a
// bug ends one request, not the editor's session.
func (s *server) call(method string, h func() (any, *rpcError)) (result any, err *rpcError) {
	defer func() {
		if v := recover(); v != nil {
			result, err = nil, errorf(codeInternalError, "internal error in %s: %v", method, v)
			s.logf("%s\n%s", err.Message, debug.Stack())
		}
	}()
	return h()
}

var (
	requests      map[string]func(*server, json.RawMessage) (any, *rpcError)
	notifications map[string]func(*server, json.RawMessage) error
)

func init() {
	requests = map[string]func(*server, json.RawMessage) (any, *rpcError){
		"initialize":              (*server).initialize,
		"shutdown":                (*server).shutdown,
		"textDocument/codeAction": (*server).codeAction,
	}
	notifications = map[string]func(*server, json.RawMessage) error{
		"initialized":                         func(*server, json.RawMessage) error { return nil },
		"textDocument/didOpen":                (*server).didOpen,
		"textDocument/didChange":              (*server).didChange,
		"textDocument/didSave":                (*server).didSave,
		"textDocument/didClose":               (*server).didClose,
		"workspace/didChangeWorkspaceFolders": (*server).didChangeWorkspaceFolders,
		"workspace/didChangeConfiguration":    (*server).didChangeConfiguration,
	}
}

// decode decodes params into v; an error is an InvalidParams error.
func decode(params json.RawMessage, v any) *rpcError {
	if len(params) == 0 {
		return errorf(codeInvalidParams, "missing params")
	}
	if err := json.Unmarshal(params, v); err != nil {
		return errorf(codeInvalidParams, "invalid params: %v", err)
	}
	return nil
}

func (s *server) initialize(params json.RawMessage) (any, *rpcError) {
	var p initializeParams
	if err := decode(params, &p); err != nil {
		return nil, err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.state != stateNew {
		return nil, errorf(codeInvalidRequest, "initialize was already called")
	}
	s.encoding = chooseEncoding(p.Capabilities.General.PositionEncodings)
	s.docChanges = p.Capabilities.Workspace.WorkspaceEdit.DocumentChanges
	switch {
	case p.WorkspaceFolders != nil:
		for _, f := range p.WorkspaceFolders {
			s.addFolder(f.URI)
		}
	case p.RootURI != "":
		s.addFolder(p.RootURI)
	case p.RootPath != "":
		s.folders = append(s.folders, filepath.Clean(p.RootPath))
	default:
		s.anyFile = true
	}
	s.settings[0] = p.InitializationOptions
	s.configure()
	s.state = stateRunning
	return initializeResult{
		Capabilities: serverCapabilities{
			PositionEncoding: s.encoding,
			TextDocumentSync: textDocumentSyncOptions{OpenClose: true, Change: syncIncremental},
			CodeActionProvider: codeActionOptions{
				CodeActionKinds: []string{codeActionQuickFix},
			},
			Workspace: workspaceCapabilities{
				WorkspaceFolders: workspaceFoldersServerCapabilities{Supported: true, ChangeNotifications: true},
			},
		},
		ServerInfo: serverInfo{Name: "resplint", Version: s.opts.Version},
	}, nil
}

func (s *server) addFolder(uri string) {
	path, err := uriToPath(uri)
	if err != nil {
		s.logf("workspace folder: %v", err)
		return
	}
	if !slices.Contains(s.folders, path) {
		s.folders = append(s.folders, path)
	}
}

// configure applies the settings to fresh analyzers and makes a new cache
// for them. s.mu is held.
func (s *server) configure() {
	cfg, problems := configure(s.opts.Analyzers(), s.opts.Defaults, s.settings[0], s.settings[1])
	for _, p := range problems {
		s.showMessage(messageError, "resplint settings: "+p)
	}
	opts := cache.Options{
		Analyzers:  cfg.analyzers,
		Tests:      cfg.tests,
		BuildFlags: cfg.buildFlags,
		Env:        s.opts.Env,
		Sources:    s.opts.Sources,
	}
	var err error
	if s.cache == nil {
		s.cache, err = cache.New(opts)
	} else {
		err = s.cache.Reconfigure(opts) // keeps the type-checked packages
	}
	if err != nil {
		s.showMessage(messageError, "resplint: "+err.Error())
		s.cache = nil // nothing is analysed
	}
}

func (s *server) shutdown(json.RawMessage) (any, *rpcError) {
	s.mu.Lock()
	s.state = stateShutDown
	s.mu.Unlock()
	s.cancel()
	s.worker.Wait()
	return nil, nil
}

func (s *server) didOpen(params json.RawMessage) error {
	var p didOpenTextDocumentParams
	if err := decode(params, &p); err != nil {
		return err
	}
	path, err := uriToPath(p.TextDocument.URI)
	if err != nil {
		return err
	}
	if p.TextDocument.LanguageID != "go" && !strings.HasSuffix(path, ".go") {
		return nil
	}
	s.mu.Lock()
	s.docs[path] = &document{p.TextDocument.Version, []byte(p.TextDocument.Text)}
	s.mu.Unlock()
	s.analyseSoon()
	return nil
}

func (s *server) didChange(params json.RawMessage) error {
	var p didChangeTextDocumentParams
	if err := decode(params, &p); err != nil {
		return err
	}
	path, err := uriToPath(p.TextDocument.URI)
	if err != nil {
		return err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	doc := s.docs[path]
	if doc == nil {
		return nil // not a Go file, or not open
	}
	for _, ch := range p.ContentChanges {
		if ch.Range == nil {
			doc.text = []byte(ch.Text)
			continue
		}
		m := newMapper(doc.text, s.encoding)
		start, end := m.offset(ch.Range.Start), m.offset(ch.Range.End)
		if end < start {
			return fmt.Errorf("change range ends before it starts")
		}
		doc.text = slices.Concat(doc.text[:start], []byte(ch.Text), doc.text[end:])
	}
	doc.version = p.TextDocument.Version
	return nil
}

func (s *server) didSave(params json.RawMessage) error {
	var p didSaveTextDocumentParams
	if err := decode(params, &p); err != nil {
		return err
	}
	path, err := uriToPath(p.TextDocument.URI)
	if err != nil {
		return err
	}
	s.mu.Lock()
	if doc := s.docs[path]; doc != nil && p.Text != nil {
		doc.text = []byte(*p.Text)
	}
	s.mu.Unlock()
	s.analyseSoon()
	return nil
}

func (s *server) didClose(params json.RawMessage) error {
	var p didCloseTextDocumentParams
	if err := decode(params, &p); err != nil {
		return err
	}
	path, err := uriToPath(p.TextDocument.URI)
	if err != nil {
		return err
	}
	s.mu.Lock()
	_, open := s.docs[path]
	delete(s.docs, path)
	s.mu.Unlock()
	if open {
		s.analyseSoon() // its package may no longer be analysed
	}
	return nil
}

func (s *server) didChangeWorkspaceFolders(params json.RawMessage) error {
	var p didChangeWorkspaceFoldersParams
	if err := decode(params, &p); err != nil {
		return err
	}
	s.mu.Lock()
	for _, f := range p.Event.Removed {
		if path, err := uriToPath(f.URI); err == nil {
			s.folders = slices.DeleteFunc(s.folders, func(x string) bool { return x == path })
		}
	}
	for _, f := range p.Event.Added {
		s.addFolder(f.URI)
	}
	s.mu.Unlock()
	s.analyseSoon()
	return nil
}

// didChangeConfiguration takes the settings under "resplint", or, if
// there is no such key, the settings themselves.
func (s *server) didChangeConfiguration(params json.RawMessage) error {
	var p didChangeConfigurationParams
	if err := decode(params, &p); err != nil {
		return err
	}
	settings := p.Settings
	var obj map[string]json.RawMessage
	if json.Unmarshal(settings, &obj) == nil && obj["resplint"] != nil {
		settings = obj["resplint"]
	}
	s.mu.Lock()
	s.settings[1] = settings
	s.configure()
	s.mu.Unlock()
	s.analyseSoon()
	return nil
}

// inWorkspace reports whether the file is in a workspace folder. s.mu is
// held.
func (s *server) inWorkspace(path string) bool {
	if s.anyFile {
		return true
	}
	for _, f := range s.folders {
		if path == f || strings.HasPrefix(path, strings.TrimSuffix(f, string(filepath.Separator))+string(filepath.Separator)) {
			return true
		}
	}
	return false
}

func (s *server) showMessage(typ int, msg string) {
	s.logf("%s", msg)
	s.out.notify("window/showMessage", logMessageParams{typ, msg})
}

func (s *server) logMessage(typ int, msg string) {
	s.logf("%s", msg)
	s.out.notify("window/logMessage", logMessageParams{typ, msg})
}

// logf writes to the server's own log.
func (s *server) logf(format string, args ...any) {
	if s.opts.Log != nil {
		fmt.Fprintf(s.opts.Log, "resplint lsp: "+format+"\n", args...)
	}
}
