package driver

import (
	"bytes"
	"go/ast"
	"go/scanner"
	"go/token"
	"strconv"
)

// tableSize is the number of literal values from which a package-level
// table is emptied in a dependency (see emptyTables).
const tableSize = 1024

// emptyTables empties the large tables of literal values that f, a file
// of a dependency, declares at package level, such as the lookup tables
// of a compression library (andybalholm/brotli: 2.4 MB of source, the
// largest live heap of a run with an empty fact cache on miniflux).
// Their syntax and the type and value of each element took tens of
// megabytes while such a package was type-checked, and no fact is
// computed from numbers and strings in a table. A composite literal
// whose values are all basic literals (numbers, characters and strings,
// possibly negated, in nested literals too), without keys, and that
// holds at least tableSize of them, loses its elements; an array of
// [...] gets their number as its length, so every declared type is the
// same.
func emptyTables(f *ast.File) {
	for _, decl := range f.Decls {
		gen, ok := decl.(*ast.GenDecl)
		if !ok || gen.Tok != token.VAR {
			continue
		}
		for _, spec := range gen.Specs {
			for _, v := range spec.(*ast.ValueSpec).Values {
				if lit, ok := v.(*ast.CompositeLit); ok && lit.Type != nil {
					if n, ok := literalValues(lit); ok && n >= tableSize {
						emptyTable(lit)
					}
				}
			}
		}
	}
}

// literalValues returns the number of values in lit, and whether they
// are all basic literals, without keys.
func literalValues(lit *ast.CompositeLit) (int, bool) {
	n := 0
	for _, e := range lit.Elts {
		if u, ok := e.(*ast.UnaryExpr); ok && (u.Op == token.SUB || u.Op == token.ADD) {
			e = u.X
		}
		switch e := e.(type) {
		case *ast.BasicLit:
			n++
		case *ast.CompositeLit:
			if e.Type != nil {
				return 0, false // a type to check, maybe a struct's
			}
			m, ok := literalValues(e)
			if !ok {
				return 0, false
			}
			n += m
		default:
			return 0, false
		}
	}
	return n, true
}

// emptyTable drops the elements of lit, keeping its type.
func emptyTable(lit *ast.CompositeLit) {
	switch t := lit.Type.(type) {
	case *ast.ArrayType:
		if _, ok := t.Len.(*ast.Ellipsis); ok {
			t.Len = &ast.BasicLit{ValuePos: t.Len.Pos(), Kind: token.INT, Value: strconv.Itoa(len(lit.Elts))}
		}
	default:
		return // a named type: its length, if an array's, is declared
	}
	lit.Elts = nil
}

// blankTables blanks, in src, a file of a dependency, the large string
// literals of package-level variables (see bigString) and the elements
// of the large tables of literal values that emptyTables would empty,
// before the file is parsed, so that the parser does not build their
// syntax (some 25 MB for andybalholm/brotli's 1.6 MB of tables) only for
// emptyTables to drop it. It blanks only what it can tell for sure from
// the tokens, and leaves the rest to emptyTables: a package-level var
// whose only value is such a table, of a type [N]T, [...]T or []T where
// T is a name. Every other byte keeps its offset, and every line break
// its place; a table of [...]T gets its length in place of the dots,
// when it fits there. It changes nothing in a file the scanner finds an
// error in, which the parser is to report.
func blankTables(src []byte) {
	if !worthScanning(src) {
		return
	}
	fset := token.NewFileSet()
	ts := &tableScan{src: src, file: fset.AddFile("", -1, len(src))}
	ts.s.Init(ts.file, src, func(token.Position, string) { ts.bad = true }, 0)
	ts.next()
	for ts.tok != token.EOF {
		if ts.tok == token.VAR {
			ts.next()
			if ts.tok == token.LPAREN {
				ts.next()
				for ts.tok != token.RPAREN && ts.tok != token.EOF {
					ts.spec(1)
					if ts.tok == token.SEMICOLON {
						ts.next()
					}
				}
			} else {
				ts.spec(0)
			}
		}
		// To the end of the declaration.
		for ts.tok != token.EOF && !(ts.tok == token.SEMICOLON && ts.depth == 0) {
			ts.next()
		}
		ts.next()
	}
	if ts.bad {
		return
	}
	for _, e := range ts.edits {
		copy(src[e.off:], e.text)
	}
}

// worthScanning reports whether src may hold a value that blankTables
// blanks, as gofmt lays out a var spec: a line that begins with "var "
// or one tab, then " = " and a literal of that size. Scanning every file
// with tokens first cost a third of parsing it.
func worthScanning(src []byte) bool {
	for _, head := range []string{" = [", " = \"", " = `"} {
		for i := 0; ; {
			j := bytes.Index(src[i:], []byte(head))
			if j < 0 {
				break
			}
			at := i + j + len(head) - 1 // the value
			i = at
			line := src[bytes.LastIndexByte(src[:at], '\n')+1 : at]
			tab := len(line) > 1 && line[0] == '\t' && line[1] != '\t'
			if !tab && !bytes.HasPrefix(line, []byte("var ")) {
				continue
			}
			value := src[at:]
			if v, ok := bytes.CutPrefix(value, []byte("[]byte(")); ok {
				value = v
			}
			switch value[0] {
			case '[':
				end := []byte("\n}") // where gofmt closes the literal
				if tab {
					end = []byte("\n\t}")
				}
				n := bytes.Index(value, end)
				if n < 0 {
					n = len(value)
				}
				if bytes.Count(value[:n], []byte(",")) >= tableSize-1 {
					return true
				}
			case '"':
				if n := bytes.IndexByte(value, '\n'); n < 0 || n >= bigString {
					return true
				}
			case '`':
				if n := bytes.IndexByte(value[1:], '`'); n < 0 || n+2 >= bigString {
					return true
				}
			}
		}
	}
	return false
}

// A tableScan is the state of blankTables.
type tableScan struct {
	s    scanner.Scanner
	file *token.File
	src  []byte
	bad  bool // the scanner found an error

	tok   token.Token
	off   int    // of tok
	lit   string // of tok
	depth int    // brackets open before tok

	edits []tableEdit
}

// A tableEdit puts text at offset off of the file.
type tableEdit struct {
	off  int
	text []byte
}

func (ts *tableScan) next() {
	switch ts.tok {
	case token.LPAREN, token.LBRACK, token.LBRACE:
		ts.depth++
	case token.RPAREN, token.RBRACK, token.RBRACE:
		ts.depth--
	}
	pos, tok, lit := ts.s.Scan()
	ts.tok, ts.off, ts.lit = tok, ts.file.Offset(pos), lit
}

// spec reads one var spec whose tokens are at depth, and blanks its
// value if it is a table; it stops at the semicolon that ends it, or at
// the parenthesis that ends its block.
func (ts *tableScan) spec(depth int) {
	end := func() bool {
		return ts.tok == token.EOF || ts.depth == depth && (ts.tok == token.SEMICOLON || ts.tok == token.RPAREN)
	}
	for !end() && !(ts.depth == depth && ts.tok == token.ASSIGN) {
		ts.next()
	}
	if ts.tok == token.ASSIGN {
		ts.next()
		ts.table(end)
	}
	for !end() {
		ts.next()
	}
}

// table blanks the value that starts at the current token if it is a
// table, the whole value up to end.
func (ts *tableScan) table(end func() bool) {
	if ts.tok == token.STRING {
		ts.bigString(end, false)
		return
	}
	if ts.tok != token.LBRACK {
		return
	}
	ts.next()
	dots := -1
	slice := ts.tok == token.RBRACK
	switch ts.tok {
	case token.ELLIPSIS:
		dots = ts.off
		ts.next()
	case token.INT:
		ts.next()
	}
	if ts.tok != token.RBRACK {
		return
	}
	ts.next()
	if ts.tok != token.IDENT {
		return
	}
	name := ts.lit
	ts.next()
	if slice && name == "byte" && ts.tok == token.LPAREN { // []byte("...")
		ts.next()
		ts.bigString(func() bool {
			if ts.tok != token.RPAREN {
				return false
			}
			ts.next()
			return end()
		}, true)
		return
	}
	if ts.tok == token.PERIOD {
		ts.next()
		if ts.tok != token.IDENT {
			return
		}
		ts.next()
	}
	if ts.tok != token.LBRACE {
		return
	}
	lbrace := ts.off
	ts.next()
	elems, values, ok := ts.elements()
	if !ok {
		return
	}
	rbrace := ts.off
	ts.next()
	if values < tableSize || !end() {
		return // small, or not the whole value
	}
	body := ts.src[lbrace+1 : rbrace]
	if bytes.Contains(body, []byte("//line ")) || bytes.Contains(body, []byte("/*line ")) {
		return
	}
	if dots >= 0 {
		n := strconv.Itoa(elems)
		if len(n) > len("...") {
			return
		}
		ts.edits = append(ts.edits, tableEdit{dots, []byte(n + "   "[len(n):])})
	}
	blank := bytes.Clone(body)
	for i, c := range blank {
		if c != '\n' && c != '\r' {
			blank[i] = ' '
		}
	}
	ts.edits = append(ts.edits, tableEdit{lbrace + 1, blank})
}

// bigString is the length from which a string literal is data.
const bigString = 64 << 10

// bigString blanks the string literal at the current token, the whole
// value up to end, if it holds bigString bytes or more: the contents of
// a file embedded as a literal (in swaggo/files, 30 MB of Swagger UI,
// which took 34 MB while parsed). It becomes the empty string, after
// blanks; no fact is computed from such data, and the type of the
// variable it initialises is the same.
func (ts *tableScan) bigString(end func() bool, conversion bool) {
	off, n := ts.off, len(ts.lit)
	if ts.lit[0] == '`' { // the scanner drops carriage returns from raw strings
		n = bytes.IndexByte(ts.src[off+1:], '`') + 2
	}
	ts.next()
	if n < bigString || !end() {
		return
	}
	blank := bytes.Clone(ts.src[off : off+n])
	for i, c := range blank {
		if !newline(c) {
			blank[i] = ' '
		}
	}
	// An empty literal where the literal ends, as a line break of a raw
	// string after it would end the statement (with a semicolon); where
	// it starts, if its last line is too short for it and nothing follows
	// it in the statement; no line break moves.
	at := n - 2
	if newline(blank[at]) {
		if conversion || newline(blank[1]) {
			return
		}
		at = 0
	}
	blank[at], blank[at+1] = ts.src[off], ts.src[off]
	ts.edits = append(ts.edits, tableEdit{off, blank})
}

func newline(c byte) bool { return c == '\n' || c == '\r' }

// elements reads the elements of a composite literal, up to its closing
// brace, as literalValues counts them: basic literals, possibly signed,
// and literals of them without a type, without keys. It returns the
// number of elements and of basic literals, and whether they are all
// such.
func (ts *tableScan) elements() (elems, values int, ok bool) {
	for ts.tok != token.RBRACE {
		switch ts.tok {
		case token.ADD, token.SUB:
			ts.next()
			if !basicLit(ts.tok) {
				return 0, 0, false
			}
			fallthrough
		case token.INT, token.FLOAT, token.IMAG, token.CHAR, token.STRING:
			values++
			ts.next()
		case token.LBRACE:
			ts.next()
			_, n, ok := ts.elements()
			if !ok {
				return 0, 0, false
			}
			values += n
			ts.next()
		default:
			return 0, 0, false
		}
		elems++
		switch ts.tok {
		case token.COMMA:
			ts.next()
		case token.RBRACE:
		default:
			return 0, 0, false
		}
	}
	return elems, values, true
}

func basicLit(tok token.Token) bool {
	switch tok {
	case token.INT, token.FLOAT, token.IMAG, token.CHAR, token.STRING:
		return true
	}
	return false
}
