package testonly

import "testing"

func TestLogin(t *testing.T) {
	var n int = "one"
	_ = n
}
