package respmodel

import (
	"path"
	"strings"
)

// MediaTypeByExt returns the media type a file with the extension ext
// (".csv") is served as, or "" when it is not known.
//
// net/http's ServeFile and ServeContent and fasthttp's file server (fiber's
// SendFile) look the extension up in mime.TypeByExtension, whose built-in
// table is short and which otherwise reads the system's mime.types; fiber's
// Type(ext) looks it up in the nginx table of gofiber/utils (v2.52.15
// utils/http.go, utils/v2 v2.0.2 http.go) first. This table holds the
// types those tables agree on, with the registered type where they do not
// (csv, tsv, gz and tar are left to the system's table by all of them).
func MediaTypeByExt(ext string) string {
	switch strings.ToLower(strings.TrimPrefix(ext, ".")) {
	case "csv":
		return "text/csv"
	case "tsv":
		return "text/tab-separated-values"
	case "txt", "log":
		return "text/plain"
	case "htm", "html":
		return "text/html"
	case "css":
		return "text/css"
	case "js", "mjs":
		return "text/javascript"
	case "json":
		return "application/json"
	case "xml":
		return "application/xml"
	case "pdf":
		return "application/pdf"
	case "png":
		return "image/png"
	case "jpg", "jpeg":
		return "image/jpeg"
	case "gif":
		return "image/gif"
	case "webp":
		return "image/webp"
	case "avif":
		return "image/avif"
	case "svg":
		return "image/svg+xml"
	case "ico":
		return "image/x-icon"
	case "mp3":
		return "audio/mpeg"
	case "mp4":
		return "video/mp4"
	case "webm":
		return "video/webm"
	case "wasm":
		return "application/wasm"
	case "zip":
		return "application/zip"
	case "gz", "tgz":
		return "application/gzip"
	case "tar":
		return "application/x-tar"
	case "bz2":
		return "application/x-bzip2"
	case "xz":
		return "application/x-xz"
	case "zst":
		return "application/zstd"
	case "7z":
		return "application/x-7z-compressed"
	case "rar":
		return "application/x-rar-compressed"
	case "xls":
		return "application/vnd.ms-excel"
	case "xlsx":
		return "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
	case "doc":
		return "application/msword"
	case "docx":
		return "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
	case "ppt":
		return "application/vnd.ms-powerpoint"
	case "pptx":
		return "application/vnd.openxmlformats-officedocument.presentationml.presentation"
	case "ods":
		return "application/vnd.oasis.opendocument.spreadsheet"
	case "odt":
		return "application/vnd.oasis.opendocument.text"
	case "odp":
		return "application/vnd.oasis.opendocument.presentation"
	case "jar", "war", "ear":
		return "application/java-archive"
	case "apk":
		return "application/vnd.android.package-archive"
	case "bin", "exe", "dll", "deb", "dmg", "iso", "img", "msi":
		return "application/octet-stream"
	}
	return ""
}

// FileExt returns the extension of the file a served path names: from the
// path when it is constant, or from the constant text its Template ends
// with ("exports/" + id + ".csv"); "" when unknown or v is nil.
func (v *Value) FileExt() string {
	var name string
	switch {
	case v == nil:
		return ""
	case v.State == Known:
		name = v.Str
	case v.Template() != "":
		t := v.Template()
		name = t[strings.LastIndexAny(t, Holes)+1:]
		if !strings.Contains(name, ".") {
			return ""
		}
	default:
		return ""
	}
	return path.Ext(path.Base(name))
}

// FileName returns the base name of the file a served path names, when
// the path is constant.
func (v *Value) FileName() string {
	if v == nil || v.State != Known || v.Str == "" {
		return ""
	}
	base := path.Base(strings.ReplaceAll(v.Str, `\`, "/"))
	if base == "." || base == "/" || base == ".." {
		return ""
	}
	return base
}
