package httpsafe

import (
	"net/http"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Headerer is anything whose response headers can be changed through a
// Header method: http.ResponseWriter, gin's c.Writer, echo's c.Response(),
// or any wrapper around them.
type Headerer interface {
	Header() http.Header
}

// MaxFilenameBytes is the length, in bytes of UTF-8, beyond which
// [SafeFilename] shortens a file name. It is the NAME_MAX of common file
// systems (ext4, btrfs, XFS, APFS; NTFS counts 255 UTF-16 units), so a
// client that saves the file under the name it was sent does not fail.
const MaxFilenameBytes = 255

// maxExtensionBytes bounds the extension that SafeFilename keeps when it
// shortens a name: a "." followed by more than this many bytes is not
// treated as an extension.
const maxExtensionBytes = 32

// Attachment sets the Content-Disposition header of w so that a browser
// saves the response as a file named filename instead of displaying it.
// It replaces any Content-Disposition already set. The header value is the
// one [ContentDisposition] returns for "attachment"; see it for how the name
// is encoded and sanitised.
//
// Call it before the response body or status is written: net/http, gin
// and echo drop headers set after that.
//
// For gin: httpsafe.Attachment(c.Writer, name). For echo:
// httpsafe.Attachment(c.Response(), name). For fiber, which has no
// http.Header, set the value yourself:
// c.Set(fiber.HeaderContentDisposition, httpsafe.ContentDisposition("attachment", name)).
func Attachment(w Headerer, filename string) {
	w.Header().Set("Content-Disposition", ContentDisposition("attachment", filename))
}

// Inline sets the Content-Disposition header of w to "inline" with the
// given file name: the browser displays the response if it can, and uses
// filename if the user saves it. It replaces any Content-Disposition
// already set. The header value is the one [ContentDisposition] returns for
// "inline".
//
// Inline is no protection against content sniffing or script execution:
// serve untrusted content as an attachment, with an accurate Content-Type
// and X-Content-Type-Options: nosniff.
func Inline(w Headerer, filename string) {
	w.Header().Set("Content-Disposition", ContentDisposition("inline", filename))
}

// ContentDisposition returns a Content-Disposition header value (RFC 6266)
// for the disposition type ("attachment" or "inline") and file name. Use
// it where a framework sets headers by string, for example in gin:
//
//	c.Header("Content-Disposition", httpsafe.ContentDisposition("attachment", name))
//
// or in fiber:
//
//	c.Set(fiber.HeaderContentDisposition, httpsafe.ContentDisposition("attachment", name))
//
// The disposition is trimmed and lower-cased; if it is then empty or not a
// valid token, "attachment" is used, so a bad argument never makes a
// download display inline.
//
// The file name is first made safe by [SafeFilename]. If the result is
// empty, the value is the bare disposition type ("attachment") and the
// browser names the file after the URL. Otherwise the value has:
//
//   - a quoted filename parameter: the ASCII fallback for old clients, in
//     which every character other than ASCII letters, digits, space and
//     !#$&'()+-.=@[]^_`{}~ is replaced by "_";
//   - when the fallback is not exactly the safe name, a filename* parameter
//     (RFC 8187, formerly RFC 5987) carrying the safe name as UTF-8, with
//     every byte other than ASCII letters, digits and !#$&+-.^_`|~
//     percent-encoded. Clients that understand filename* (all current
//     browsers, and Go's mime.ParseMediaType) prefer it.
//
// For example, for the name résumé "final".csv it returns
//
//	attachment; filename="r_sum_ _final_.csv"; filename*=UTF-8''r%C3%A9sum%C3%A9%20%22final%22.csv
//
// The result is printable ASCII only: no quote or backslash inside the
// quoted string, no control character, no CR or LF, whatever the input.
func ContentDisposition(disposition, filename string) string {
	disposition = strings.ToLower(strings.TrimSpace(disposition))
	if !isToken(disposition) {
		disposition = "attachment"
	}
	name := SafeFilename(filename)
	if name == "" {
		return disposition
	}
	fallback := asciiFallback(name)

	var b strings.Builder
	b.Grow(len(disposition) + len(fallback) + 3*len(name) + 32)
	b.WriteString(disposition)
	b.WriteString(`; filename="`)
	b.WriteString(fallback)
	b.WriteByte('"')
	if fallback != name {
		b.WriteString("; filename*=UTF-8''")
		percentEncode(&b, name)
	}
	return b.String()
}

// SafeFilename returns the file name that [ContentDisposition] (and so
// [Attachment] and [Inline]) puts in the header for filename. It is the
// name a conforming client sees: Go's mime.ParseMediaType returns it as the
// "filename" parameter. The steps, in order:
//
//  1. Each byte that is not part of a valid UTF-8 sequence becomes U+FFFD.
//  2. Invisible characters are removed, so that the name a client saves is
//     the name the user is shown ("pay\u00ADpal.exe" displays as
//     "paypal.exe"): format characters (Unicode category Cf, such as the
//     soft hyphen U+00AD, the zero-width space, joiners and no-break space
//     U+200B to U+200D and U+FEFF, the word joiner and invisible operators
//     U+2060 to U+2064, U+180E and the tag characters U+E0001 and U+E0020
//     to U+E007F), the other default-ignorable code points (variation
//     selectors, the combining grapheme joiner U+034F, the Hangul fillers,
//     ...) and private-use characters (category Co), whose glyphs depend
//     on the font. The bidirectional formatting characters, format
//     characters too, are replaced instead (step 5).
//  3. Leading and trailing white space (unicode.IsSpace: space, tab, CR,
//     LF, NBSP, ...) is removed, so a name read from a line loses its
//     newline.
//  4. Path separators "/" and "\" become "_", so no client can read the
//     name as a path (RFC 6266 section 4.3), and so do the characters
//     that look like them or that Windows turns into them when it
//     converts a name to a legacy code page ("best fit"): the fullwidth
//     solidi U+FF0F and U+FF3C, the division and fraction slashes U+2215
//     and U+2044, the big and small solidi U+29F8, U+29F9 and U+FE68, the
//     set minus U+2216, the diagonals U+2571, U+2572, U+27CB and U+27CD,
//     U+29F5, U+2041, U+1735, U+2F02, U+2F03, U+3033, U+31D3, U+31D4,
//     U+1D20F, U+1D23A and U+1D23B, and the yen and won signs U+00A5 and
//     U+20A9, which code pages 932 and 949 put where "\" is.
//  5. Control characters (U+0000 to U+001F and U+007F to U+009F, which
//     include CR and LF), the line and paragraph separators U+2028 and
//     U+2029, and the bidirectional formatting characters (U+061C, U+200E,
//     U+200F, U+202A to U+202E, U+2066 to U+2069, used to disguise a
//     file's extension) become "_".
//  6. A name longer than [MaxFilenameBytes] bytes is shortened to at most
//     that many: its extension (the last "." and what follows, if that is
//     at most 32 bytes and the "." is not the first character) is kept,
//     the part before it is cut at a character boundary, and white space
//     that the cut leaves at its end is removed.
//  7. A result of "." or ".." becomes "" (no name).
//
// Everything else, including quotes, "%", "*", ":" and non-ASCII letters, is
// kept, and carried in filename* (percent-encoded). SafeFilename is
// idempotent.
func SafeFilename(filename string) string {
	// strings.Map also turns each byte that is not valid UTF-8 into U+FFFD.
	// Invisible characters go before the white space is trimmed, which
	// they could otherwise hide.
	s := strings.Map(func(r rune) rune {
		if invisible(r) {
			return -1
		}
		return r
	}, filename)
	s = strings.TrimSpace(s)
	s = strings.Map(func(r rune) rune {
		if separatorLike(r) || unsafeRune(r) {
			return '_'
		}
		return r
	}, s)
	if len(s) > MaxFilenameBytes {
		s = shorten(s)
	}
	if s == "." || s == ".." {
		return ""
	}
	return s
}

// invisible reports whether r is one of the characters that step 2 of
// SafeFilename removes.
func invisible(r rune) bool {
	if r < '\u00AD' || bidiControl(r) {
		return false
	}
	// Default_Ignorable_Code_Point is derived from Cf, Variation_Selector
	// and Other_Default_Ignorable_Code_Point; the few characters of Cf it
	// leaves out go too.
	return unicode.In(r, unicode.Cf, unicode.Co, unicode.Variation_Selector, unicode.Other_Default_Ignorable_Code_Point)
}

// separatorLike reports whether r is one of the characters that step 4
// of SafeFilename replaces.
func separatorLike(r rune) bool {
	switch r {
	case '/', '\\',
		'\uFF0F', '\uFF3C', // fullwidth solidus, reverse solidus: NFKC and best fit give / and \
		'\u2215', '\u2044', '\u29F8', '\u2571', '\u27CB', '\u2041', '\u1735',
		'\u2F03', '\u3033', '\u31D3', '\U0001D23A', // look like /
		'\u2216', '\u29F9', '\uFE68', '\u2572', '\u27CD', '\u29F5',
		'\u2F02', '\u31D4', '\U0001D20F', '\U0001D23B', // look like \
		'\u00A5', '\u20A9': // 0x5C, the path separator, in code pages 932 and 949
		return true
	}
	return false
}

// unsafeRune reports whether r is one of the characters that step 5 of
// SafeFilename replaces.
func unsafeRune(r rune) bool {
	switch {
	case unicode.IsControl(r): // C0, DEL, C1
		return true
	case r == '\u2028', r == '\u2029': // line and paragraph separators
		return true
	}
	return bidiControl(r)
}

// bidiControl reports whether r is a bidirectional formatting character.
func bidiControl(r rune) bool {
	switch {
	case r == '\u061C', r == '\u200E', r == '\u200F': // ALM, LRM, RLM
		return true
	case r >= '\u202A' && r <= '\u202E': // LRE, RLE, PDF, LRO, RLO
		return true
	case r >= '\u2066' && r <= '\u2069': // LRI, RLI, FSI, PDI
		return true
	}
	return false
}

// shorten implements step 6 of SafeFilename for a valid UTF-8 string
// longer than MaxFilenameBytes.
func shorten(s string) string {
	ext := ""
	if i := strings.LastIndexByte(s, '.'); i > 0 && len(s)-i <= maxExtensionBytes {
		ext = s[i:]
	}
	stem := s[:len(s)-len(ext)]
	limit := MaxFilenameBytes - len(ext)
	if len(stem) > limit {
		cut := limit
		for cut > 0 && !utf8.RuneStart(stem[cut]) {
			cut--
		}
		stem = stem[:cut]
	}
	return strings.TrimRightFunc(stem, unicode.IsSpace) + ext
}

// plainFallbackByte reports whether b may appear as itself in the quoted
// ASCII fallback. The set avoids '"' and '\' (quoted-string escapes that
// clients decode inconsistently), '%' and '?' (some clients percent- or
// RFC 2047-decode the fallback), ';' and ',' (naive parameter and list
// splitting), and characters that Windows forbids in file names.
func plainFallbackByte(b byte) bool {
	switch {
	case 'a' <= b && b <= 'z', 'A' <= b && b <= 'Z', '0' <= b && b <= '9':
		return true
	}
	return strings.IndexByte(" !#$&'()+-.=@[]^_`{}~", b) >= 0
}

// asciiFallback returns name with every character outside the plain set
// replaced by one "_".
func asciiFallback(name string) string {
	return strings.Map(func(r rune) rune {
		if r < utf8.RuneSelf && plainFallbackByte(byte(r)) {
			return r
		}
		return '_'
	}, name)
}

// attrChar reports whether b is an attr-char of RFC 8187 section 3.2.1,
// which filename* carries as itself; every other byte is percent-encoded.
func attrChar(b byte) bool {
	switch {
	case 'a' <= b && b <= 'z', 'A' <= b && b <= 'Z', '0' <= b && b <= '9':
		return true
	}
	return strings.IndexByte("!#$&+-.^_`|~", b) >= 0
}

func percentEncode(b *strings.Builder, s string) {
	const hex = "0123456789ABCDEF"
	for i := 0; i < len(s); i++ {
		c := s[i]
		if attrChar(c) {
			b.WriteByte(c)
			continue
		}
		b.WriteByte('%')
		b.WriteByte(hex[c>>4])
		b.WriteByte(hex[c&0x0F])
	}
}

// isToken reports whether s is a non-empty token (RFC 9110 section 5.6.2).
func isToken(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case 'a' <= c && c <= 'z', 'A' <= c && c <= 'Z', '0' <= c && c <= '9':
		case strings.IndexByte("!#$%&'*+-.^_`|~", c) >= 0:
		default:
			return false
		}
	}
	return true
}
