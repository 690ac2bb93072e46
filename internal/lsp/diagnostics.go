package lsp

import (
	"bytes"
	"fmt"
	"maps"
	"path/filepath"
	"runtime/debug"
	"slices"
	"strings"

	"github.com/resplint/resplint/internal/cache"
	"github.com/resplint/resplint/internal/driver"
)

// analyseSoon asks the worker for a run. Requests made while a run is
// going are served by one more run after it.
func (s *server) analyseSoon() {
	select {
	case s.trigger <- struct{}{}:
	default: // a run is already asked for
	}
}

// work runs the analysis whenever asked, until the server shuts down.
func (s *server) work() {
	for {
		select {
		case <-s.ctx.Done():
			return
		case <-s.trigger:
			s.analyse()
		}
	}
}

// analyse analyses the packages of the open Go files of the workspace
// and publishes the diagnostics. A panic ends the run, not the server.
func (s *server) analyse() {
	defer func() {
		if v := recover(); v != nil {
			s.showMessage(messageError, fmt.Sprintf("resplint: internal error: %v", v))
			s.logf("%s", debug.Stack())
		}
	}()
	s.mu.Lock()
	c := s.cache
	var files []string
	overlay := make(map[string][]byte)
	for path, doc := range s.docs {
		overlay[path] = doc.text
		if s.inWorkspace(path) {
			files = append(files, path)
		}
	}
	s.mu.Unlock()
	if c == nil {
		return
	}
	res, err := c.Run(s.ctx, files, overlay)
	if err != nil {
		if s.ctx.Err() == nil {
			s.showMessage(messageError, "resplint: "+err.Error())
		}
		return
	}
	s.publish(res)
}

// publish publishes the diagnostics of res for every file of the packages
// analysed, clears those of files no longer analysed, and logs the
// problems of the run.
func (s *server) publish(res *cache.Result) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.state != stateRunning {
		return
	}
	byFile := make(map[string][]cache.Diagnostic)
	for _, d := range res.Diagnostics {
		byFile[d.Range.File] = append(byFile[d.Range.File], d)
	}
	mp := newMappers(res, s.encoding)
	published := make(map[string]bool)
	for _, name := range slices.Sorted(maps.Keys(res.Files)) {
		if !s.inWorkspace(name) {
			continue
		}
		params := publishDiagnosticsParams{URI: pathToURI(name), Diagnostics: []diagnostic{}}
		if doc := s.docs[name]; doc != nil && bytes.Equal(doc.text, res.Files[name]) {
			params.Version = &doc.version
		}
		for _, d := range byFile[name] {
			params.Diagnostics = append(params.Diagnostics, mp.diagnostic(d))
		}
		s.out.notify("textDocument/publishDiagnostics", params)
		published[name] = true
	}
	for name := range s.published {
		if !published[name] {
			s.out.notify("textDocument/publishDiagnostics", publishDiagnosticsParams{URI: pathToURI(name), Diagnostics: []diagnostic{}})
		}
	}
	s.published = published
	s.result = res

	dir := ""
	if len(s.folders) == 1 {
		dir = s.folders[0]
	}
	for _, b := range res.Broken {
		db := &driver.Broken{PkgPath: b.PkgPath, Errors: b.Errors, Dep: b.Dep}
		s.logMessage(messageWarning, "resplint: "+db.Message(dir))
	}
	for _, f := range res.Failures {
		msg := f.Err.Error()
		if !strings.HasPrefix(msg, "internal error:") {
			msg = fmt.Sprintf("analyzer %s failed on package %s: %s", f.Analyzer, f.Package, msg)
		}
		s.showMessage(messageError, "resplint: "+msg)
	}
	s.logMessage(messageLog, fmt.Sprintf("resplint: %d diagnostics in %d files; %v", len(res.Diagnostics), len(published), res.Stats))
}

// mappers makes and keeps the mappers of the files of a result.
type mappers struct {
	res      *cache.Result
	encoding string
	byFile   map[string]*mapper
}

func newMappers(res *cache.Result, encoding string) *mappers {
	return &mappers{res, encoding, make(map[string]*mapper)}
}

// get returns the mapper of the named file, or nil if it cannot be read.
func (ms *mappers) get(name string) *mapper {
	if m, ok := ms.byFile[name]; ok {
		return m
	}
	var m *mapper
	if content, err := ms.res.Content(name); err == nil {
		m = newMapper(content, ms.encoding)
	}
	ms.byFile[name] = m
	return m
}

func (ms *mappers) location(rg cache.Range) (location, bool) {
	m := ms.get(rg.File)
	if m == nil {
		return location{}, false
	}
	return location{URI: pathToURI(rg.File), Range: m.rangeOf(rg.Start, rg.End)}, true
}

// diagnostic converts d, whose file can be read.
func (ms *mappers) diagnostic(d cache.Diagnostic) diagnostic {
	loc, _ := ms.location(d.Range)
	out := diagnostic{
		Range:           loc.Range,
		Severity:        severityWarning,
		Code:            d.Analyzer.Name,
		CodeDescription: &codeDescription{Href: docURL(d)},
		Source:          "resplint",
		Message:         d.Message,
	}
	if d.Category != "" {
		out.Data = &diagnosticData{Category: d.Category}
	}
	for _, rel := range d.Related {
		if loc, ok := ms.location(rel.Range); ok {
			out.RelatedInformation = append(out.RelatedInformation, diagnosticRelatedInformation{loc, rel.Message})
		}
	}
	return out
}

// docURL returns the documentation page of d's analyzer, or a more
// precise page d names.
func docURL(d cache.Diagnostic) string {
	if d.URL != "" {
		return d.URL
	}
	return "https://github.com/resplint/resplint/blob/main/docs/" + filepath.Base(d.Analyzer.Name) + ".md"
}
