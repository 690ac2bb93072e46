package disposition

import (
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/resplint/resplint/analyzers/internal/respmodel"
)

// A download is the event that makes a response a download.
type download struct {
	ev       *respmodel.Event
	what     string // the response, for messages
	filename string // the file's name, when known
}

// missing returns the first download of f when f sets no
// Content-Disposition at all (any value, inline too, is a choice), as
// far as its events tell.
func (c *checker) missing(f *respmodel.Func) *download {
	encoded := false
	for _, ev := range f.Events {
		if isHeader(ev) && (ev.Header == "Content-Disposition" || ev.Header == "") {
			return nil
		}
		encoded = encoded || isHeader(ev) && ev.Header == "Content-Encoding"
	}
	return c.firstDownload(f, encoded)
}

// firstDownload returns the first event of f that makes its response a
// download: a Content-Type in the list, a CSV writer or a served file
// with such an extension. Bodies are not downloads after an explicit
// Content-Type outside the list, the author's choice; nor are files whose
// compression is a Content-Encoding.
func (c *checker) firstDownload(f *respmodel.Func, encoded bool) *download {
	inline := false
	for _, ev := range f.Events {
		switch {
		case isHeader(ev) && ev.Header == "Content-Type":
			t := contentType(ev.Value)
			if t == "" {
				continue
			}
			if c.types.match(t) {
				return &download{ev: ev, what: "response served as " + t}
			}
			inline = true
		case ev.Kind != respmodel.WriteBody || inline:
		case ev.Body == respmodel.BodyCSV && c.types.match("text/csv"):
			return &download{ev: ev, what: "CSV written to the response by csv.NewWriter"}
		case ev.Body == respmodel.BodyFile:
			ext := ev.File.FileExt()
			t := respmodel.MediaTypeByExt(ext)
			if t == "" || !c.types.match(t) || encoded && compressed(t) {
				continue
			}
			d := &download{ev: ev, filename: ev.File.FileName()}
			if d.filename != "" {
				d.what = "file " + quote(d.filename) + " served"
			} else {
				d.what = ext + " file served"
			}
			return d
		}
	}
	return nil
}

func isHeader(ev *respmodel.Event) bool {
	return ev.Kind == respmodel.SetHeader || ev.Kind == respmodel.AddHeader
}

// contentType returns the media type a Content-Type value sets, when its
// type and subtype are constant.
func contentType(v respmodel.Value) string {
	switch {
	case v.State == respmodel.Known:
		return mediaType(v.Str)
	case v.Template() != "":
		t, _, ok := strings.Cut(v.Template(), ";")
		if ok && !strings.ContainsAny(t, respmodel.Holes) {
			return mediaType(t)
		}
	}
	return ""
}

// compressed reports whether t is a compression format, which a
// Content-Encoding turns into a transfer detail of some other content.
func compressed(t string) bool {
	switch t {
	case "application/gzip", "application/x-gzip", "application/x-bzip2", "application/x-xz", "application/zstd":
		return true
	}
	return false
}

func (c *checker) report(pass *analysis.Pass, f *respmodel.Func, d *download) {
	what := d.what
	if d.ev.Via != "" {
		what += " (by " + d.ev.Via + ")"
	}
	hint, fix := fixMissing(pass, f, d)
	diag := analysis.Diagnostic{
		Pos:      d.ev.Pos(),
		End:      d.ev.Node().End(),
		Category: catMissing,
		Message: what + " without Content-Disposition: browsers display it, or save it under a name taken from the URL; " +
			hint,
	}
	if fix != nil {
		diag.SuggestedFixes = []analysis.SuggestedFix{*fix}
	}
	pass.Report(diag)
}
