package web

import (
	"net/http/httptest"
	"testing"
)

func TestLogin(t *testing.T) {
	w := httptest.NewRecorder()
	Login(w, httptest.NewRequest("GET", "/?v=x", nil))
	if len(w.Result().Cookies()) != 1 {
		t.Fatal("no cookie")
	}
}
