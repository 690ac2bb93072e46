package analyzers

// A Category is one kind of finding of an analyzer: a value of the
// Category field of its diagnostics. Drivers that describe their rules,
// such as resplint -sarif, make a rule of each, named ANALYZER/CATEGORY.
type Category struct {
	Name        string
	Description string // one line: what is reported
}

// Categories returns the categories of the named analyzer, in the order of
// its documentation. An analyzer may list none; its diagnostics then form
// one rule, and a category that is not listed becomes a rule described by
// the analyzer's summary.
//
// When you add an analyzer, list its categories here.
func Categories(analyzer string) []Category {
	switch analyzer {
	case "cookieflags":
		return []Category{
			{"httponly", "Sensitive cookie set without HttpOnly, so page scripts (and XSS) can read it"},
			{"secure", "Sensitive cookie set without Secure, or SameSite=None without Secure"},
			{"samesite", "Sensitive cookie set without SameSite, so it is sent with cross-site requests"},
			{"prefix", "__Secure- or __Host- cookie that breaks its prefix rules and that browsers drop"},
		}
	case "disposition":
		return []Category{
			{"missing", "Download (CSV, spreadsheet, archive, served file) sent without Content-Disposition"},
			{"unescaped", "Content-Disposition built by concatenation or Sprintf from a file name computed at run time"},
		}
	case "jsonleak":
		return []Category{
			{"secret", "JSON response that serialises a secret field (password hash, key, MFA secret, card number)"},
			{"token", "JSON response that serialises a token or API key of a persistence model"},
			{"map", "Hand-built JSON map with a secret key or a value read from a secret field"},
		}
	case "lateheader":
		return []Category{
			{"header", "Header set after the body is written, which net/http, gin and echo drop"},
			{"cookie", "Cookie set after the body is written, which is dropped"},
			{"status", "Status written after the body or a second time (superfluous WriteHeader)"},
			{"return", "Response written after http.Error, a redirect or a finished response without a return"},
		}
	case "privatecache":
		return []Category{
			{"missing", "Per-user success response without Cache-Control private or no-store, which shared caches may store"},
			{"public", "Per-user response marked Cache-Control public or s-maxage, which shared caches will store"},
		}
	case "directives":
		return []Category{
			{"reason", "//resplint:ignore directive without a reason, which suppresses nothing"},
			{"unknown", "//resplint:ignore directive naming an analyzer that does not exist"},
			{"syntax", "Comment that looks meant to be a resplint directive but is not one"},
		}
	}
	return nil
}
