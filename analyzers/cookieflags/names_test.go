package cookieflags

import "testing"

func TestIsExpiry(t *testing.T) {
	for name, want := range map[string]bool{
		"puffer_auth_expires": true,
		"authExpiry":          true,
		"SESSION_EXP":         true,
		"auth-expiration":     true,
		"session":             false,
		"sessionExport":       false,
		"token_expiresx":      false,
		"expires_session":     false,
	} {
		if got := isExpiry(name); got != want {
			t.Errorf("isExpiry(%q) = %v, want %v", name, got, want)
		}
	}
}
