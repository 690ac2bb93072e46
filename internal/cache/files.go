package cache

import (
	"crypto/sha256"
	"encoding/hex"
	"go/ast"
	"go/parser"
	"os"
)

// A fileState is what was last read of a workspace file on the disk.
type fileState struct {
	fp      fingerprint
	content []byte
	hash    string
}

// A fileKey names one content of one file.
type fileKey struct{ name, hash string }

// A parsed file, with its syntax error if any.
type parsed struct {
	file *ast.File
	err  error
}

// immutableHash stands for the content of a file that never changes: its
// name alone identifies it.
const immutableHash = "immutable"

// read returns the content of the named file, from the overlay or the
// disk, and its hash. Files in GOROOT and the module and build caches are
// not read (nil content) until they must be parsed.
func (r *run) read(name string) (content []byte, hash string, err error) {
	if data, ok := r.overlay[name]; ok {
		r.mu.Lock()
		defer r.mu.Unlock()
		h, ok := r.overlayHash[name]
		if !ok {
			h = hashOf(data)
			r.overlayHash[name] = h
		}
		return data, h, nil
	}
	if r.c.env.Contains(name) {
		return nil, immutableHash, nil
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	st := r.c.files[name]
	if st == nil || !r.statted[name] {
		fp := stat(name)
		r.statted[name] = true
		if st == nil || st.fp != fp || fp.size < 0 {
			data, err := os.ReadFile(name)
			if err != nil {
				delete(r.c.files, name)
				return nil, "", err
			}
			st = &fileState{fp: fp, content: data, hash: hashOf(data)}
			r.c.files[name] = st
		}
	}
	return st.content, st.hash, nil
}

func hashOf(data []byte) string {
	sum := sha256.Sum256(data)
	return hex.EncodeToString(sum[:])
}

// parse returns the syntax of the named file, parsing it unless this
// content of it was parsed before.
func (r *run) parse(name string) (*parsed, fileKey, error) {
	content, hash, err := r.read(name)
	if err != nil {
		return nil, fileKey{}, err
	}
	key := fileKey{name, hash}
	r.mu.Lock()
	p := r.c.parsed[key]
	r.mu.Unlock()
	if p != nil {
		return p, key, nil
	}
	if content == nil { // immutable
		if content, err = os.ReadFile(name); err != nil {
			return nil, fileKey{}, err
		}
	}
	f, err := parser.ParseFile(r.c.fset, name, content, parser.AllErrors|parser.ParseComments|parser.SkipObjectResolution)
	p = &parsed{file: f, err: err}
	r.mu.Lock()
	r.c.parsed[key] = p
	r.mu.Unlock()
	return p, key, nil
}
