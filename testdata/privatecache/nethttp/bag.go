package nethttp // want package:`stores .*nethttp\.viewerKey \(middleware\)`

import (
	"fmt"
	"net/http"
)

// Applications keep a bag of request values under one key and read the
// user out of it in a helper named for it.

type sharedData map[string]any

type bagKey struct{}

func getPrincipal(r *http.Request) any {
	bag, _ := r.Context().Value(bagKey{}).(sharedData)
	return bag["principal"]
}

func requestID(r *http.Request) any {
	bag, _ := r.Context().Value(bagKey{}).(sharedData)
	return bag["request_id"]
}

func badge(w http.ResponseWriter, r *http.Request) {
	u := getPrincipal(r)
	w.Header().Set("Cache-Control", "max-age=3600") // want `handler reads the context value nethttp.bagKey \(through nethttp.getPrincipal\) but sets Cache-Control "max-age=3600" without private`
	fmt.Fprint(w, u)
}

// A helper reading something else from the bag says nothing about the
// user.
func traced(w http.ResponseWriter, r *http.Request) {
	id := requestID(r)
	w.Header().Set("Cache-Control", "max-age=3600")
	fmt.Fprint(w, id)
}

// What a helper named for the user reads through another helper is
// judged by that helper's name: the language is nobody's identity.
func userPage(r *http.Request) any { return language(r) }

func language(r *http.Request) any { return r.Context().Value("Accept-Language") }

func localized(w http.ResponseWriter, r *http.Request) {
	page := userPage(r)
	w.Header().Set("Cache-Control", "max-age=3600")
	fmt.Fprint(w, page)
}
