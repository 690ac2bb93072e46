package disposition

import (
	"fmt"
	"mime"
	"strings"
)

// DefaultTypes are the media types served as downloads by default:
// spreadsheets and tables, archives and compressed files, office
// documents and installable packages. A trailing "*" matches any suffix.
//
// PDF, images, audio, video, text and HTML are displayed by browsers and
// left out. So is application/octet-stream: without Content-Disposition
// it is nearly always a binary API or protocol response read by a
// program (a blob store, a tunnel, an editor loading a file), not a
// download; add it with -types where it is one.
const DefaultTypes = "text/csv,application/csv,text/tab-separated-values," +
	"application/zip,application/x-zip-compressed,application/gzip,application/x-gzip," +
	"application/x-tar,application/x-gtar,application/x-bzip2,application/x-xz,application/zstd," +
	"application/x-7z-compressed,application/x-rar-compressed,application/vnd.rar," +
	"application/vnd.ms-excel,application/msword,application/vnd.ms-powerpoint," +
	"application/vnd.openxmlformats-officedocument.*,application/vnd.oasis.opendocument.*," +
	"application/java-archive,application/vnd.android.package-archive,application/x-msdownload"

// mediaTypes is a flag.Value holding a comma-separated list of media
// types, each validated when set.
type mediaTypes struct{ list []string }

func newMediaTypes(def string) *mediaTypes {
	m := new(mediaTypes)
	if err := m.Set(def); err != nil {
		panic(err)
	}
	return m
}

func (m *mediaTypes) String() string {
	if m == nil {
		return ""
	}
	return strings.Join(m.list, ",")
}

// Set replaces the list by the comma-separated media types in s.
func (m *mediaTypes) Set(s string) error {
	var list []string
	for _, t := range strings.Split(s, ",") {
		t = strings.ToLower(strings.TrimSpace(t))
		if t == "" {
			continue
		}
		stem, wild := strings.CutSuffix(t, "*")
		major, minor, ok := strings.Cut(stem, "/")
		if !ok || major == "" || !wild && minor == "" {
			return fmt.Errorf("%q is not a media type (type/subtype)", t)
		}
		if !wild {
			if _, _, err := mime.ParseMediaType(t); err != nil {
				return fmt.Errorf("%q is not a media type: %v", t, err)
			}
		}
		list = append(list, t)
	}
	m.list = list
	return nil
}

// match reports whether the media type t (lower case, no parameters) is
// in the list.
func (m *mediaTypes) match(t string) bool {
	for _, p := range m.list {
		if stem, ok := strings.CutSuffix(p, "*"); ok && strings.HasPrefix(t, stem) || p == t {
			return true
		}
	}
	return false
}

// mediaType returns the media type of a Content-Type value, lower case
// and without parameters, or "".
func mediaType(v string) string {
	t, _, err := mime.ParseMediaType(v)
	if err != nil {
		t, _, _ = strings.Cut(v, ";")
		t = strings.ToLower(strings.TrimSpace(t))
	}
	if !strings.Contains(t, "/") {
		return ""
	}
	return t
}
