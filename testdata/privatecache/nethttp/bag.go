package nethttp

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
