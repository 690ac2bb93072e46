package names

import (
	"slices"
	"strings"
)

// CSRF reports whether a cookie, header or key name is that of an
// anti-CSRF token (csrf_token, XSRF-TOKEN, _csrf): per session, but it
// says nothing of who the user is and is meant to be read by scripts.
// The state and nonce of an OAuth or OpenID Connect sign-in
// (oauth_state, oidc_nonce) are such tokens too (RFC 6749 section
// 10.12): they tie the provider's answer to the browser that asked, and
// name no one.
func CSRF(name string) bool {
	n := strings.ToLower(name)
	if strings.Contains(n, "csrf") || strings.Contains(n, "xsrf") {
		return true
	}
	words := strings.FieldsFunc(Snake(name), func(r rune) bool { return r == '_' })
	if len(words) == 0 {
		return false
	}
	last := words[len(words)-1]
	return (last == "state" || last == "nonce") && !slices.ContainsFunc(words, func(w string) bool { return strings.HasPrefix(w, "sess") })
}
