package lsp

import (
	"bytes"
	"encoding/json"
	"maps"
	"slices"
	"strings"
)

// codeAction offers, for each diagnostic of the last run in the requested
// range, each of its suggested fixes as a quick fix. Nothing is offered
// for a document edited since it was analysed: the fixes would not apply
// to its text any more.
func (s *server) codeAction(params json.RawMessage) (any, *rpcError) {
	var p codeActionParams
	if err := decode(params, &p); err != nil {
		return nil, err
	}
	actions := []codeAction{}
	if !wantsKind(p.Context.Only, codeActionQuickFix) {
		return actions, nil
	}
	path, err := uriToPath(p.TextDocument.URI)
	if err != nil {
		return nil, errorf(codeInvalidParams, "%v", err)
	}
	s.mu.Lock()
	res, encoding, docChanges := s.result, s.encoding, s.docChanges
	versions := make(map[string]int32)
	var current []byte
	for name, doc := range s.docs {
		if res != nil && bytes.Equal(doc.text, res.Files[name]) {
			versions[name] = doc.version
		}
		if name == path {
			current = doc.text
		}
	}
	s.mu.Unlock()
	if res == nil {
		return actions, nil
	}
	content, ok := res.Files[path]
	if !ok || current != nil && !bytes.Equal(current, content) {
		return actions, nil
	}

	mp := newMappers(res, encoding)
	m := mp.get(path)
	start, end := m.offset(p.Range.Start), m.offset(p.Range.End)
	for _, d := range res.Diagnostics {
		if d.Range.File != path || d.Range.Start > end || d.Range.End < start {
			continue
		}
		pd := mp.diagnostic(d)
		for i, fix := range d.Fixes {
			edits, err := fixEdits(fix, res.Content)
			if err != nil {
				s.logf("fix %q: %v", fix.Message, err)
				continue
			}
			actions = append(actions, codeAction{
				Title:       fix.Message,
				Kind:        codeActionQuickFix,
				Diagnostics: []diagnostic{pd},
				IsPreferred: i == 0,
				Edit:        workspaceEditOf(edits, mp, versions, docChanges),
			})
		}
	}
	return actions, nil
}

// wantsKind reports whether a client asking for only the given kinds of
// code actions wants kind: kinds are hierarchical ("quickfix" includes
// "quickfix.x"), and no kinds means all.
func wantsKind(only []string, kind string) bool {
	if len(only) == 0 {
		return true
	}
	return slices.ContainsFunc(only, func(o string) bool {
		return o == "" || kind == o || strings.HasPrefix(kind, o+".")
	})
}

// workspaceEditOf converts the edits of a fix. With documentChanges, the
// edit of an open document carries the version it applies to, so that
// the client refuses it if the document changed since.
func workspaceEditOf(edits map[string][]byteEdit, mp *mappers, versions map[string]int32, docChanges bool) *workspaceEdit {
	we := &workspaceEdit{}
	if !docChanges {
		we.Changes = make(map[string][]textEdit)
	}
	for _, name := range slices.Sorted(maps.Keys(edits)) {
		m := mp.get(name)
		tes := make([]textEdit, 0, len(edits[name]))
		for _, e := range edits[name] {
			tes = append(tes, textEdit{Range: m.rangeOf(e.start, e.end), NewText: e.text})
		}
		uri := pathToURI(name)
		if !docChanges {
			we.Changes[uri] = tes
			continue
		}
		id := optionalVersionedTextDocumentIdentifier{URI: uri}
		if v, ok := versions[name]; ok {
			id.Version = &v
		}
		we.DocumentChanges = append(we.DocumentChanges, textDocumentEdit{TextDocument: id, Edits: tes})
	}
	return we
}
