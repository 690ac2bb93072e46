package names

import "strings"

// CSRF reports whether a cookie, header or key name is that of an
// anti-CSRF token (csrf_token, XSRF-TOKEN, _csrf): per session, but it
// says nothing of who the user is and is meant to be read by scripts.
func CSRF(name string) bool {
	n := strings.ToLower(name)
	return strings.Contains(n, "csrf") || strings.Contains(n, "xsrf")
}
