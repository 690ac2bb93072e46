// Package disposition defines an Analyzer that reports downloads served
// without a Content-Disposition header, and Content-Disposition values
// built by hand from a file name.
//
// # Analyzer disposition
//
// disposition: report downloads without Content-Disposition and hand-built Content-Disposition values
//
// A response is a download when its Content-Type is CSV, TSV, an archive,
// a compressed file or an office document (set as a header or through
// gin's Data and DataFromReader, echo's Blob and Stream, fiber's Type and
// Set, hertz's Data and SetContentType; constants and parameters such as "text/csv; charset=utf-8"
// included), when it is written through csv.NewWriter on the response, or
// when it serves a file with such an extension (http.ServeFile,
// http.ServeContent, gin's and hertz's File, echo's File, fiber's
// SendFile). Without a
// Content-Disposition header, browsers display it, or save it under a name
// made from the URL. Any Content-Disposition counts, inline too, whether
// set directly, by a helper in any package, or by gin's FileAttachment and
// DataFromReader extra headers, echo's Attachment and Inline, fiber's
// Download and Attachment, or hertz's FileAttachment. PDF and images are displayed by browsers and
// not in the default list; nor is application/octet-stream, which without
// Content-Disposition is nearly always a response read by a program.
// Handlers registered under a route that names the file ("/export.csv")
// are not reported.
//
// The fix sets "Content-Disposition: attachment" (with the file name when
// it is known) before the first write, or uses the framework's attachment
// API: gin's and hertz's FileAttachment, echo's Attachment, fiber's
// Download.
//
// Category unescaped: a Content-Disposition built with + or fmt.Sprintf
// from a file name computed at run time. Quotes, ";", line breaks and
// non-ASCII characters in the name break the header, and a name an
// attacker chooses can add parameters (reflected file download). Build it
// with mime.FormatMediaType or httpsafe.Attachment. Names that cannot
// break it (numbers, escaped or sanitized strings, %q, values checked
// against known ones) are not reported; a name a function receives as a
// parameter is reported at the calls that pass a raw one.
//
// Flags: -types, the comma-separated media types served as downloads (a
// trailing "*" matches any suffix).
package disposition
