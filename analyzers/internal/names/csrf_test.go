package names

import "testing"

func TestCSRF(t *testing.T) {
	for name, want := range map[string]bool{
		"csrf_token": true,
		"XSRF-TOKEN": true,
		"_csrf":      true,
		"session":    false,
		"auth_token": false,
	} {
		if got := CSRF(name); got != want {
			t.Errorf("CSRF(%q) = %v, want %v", name, got, want)
		}
	}
}
