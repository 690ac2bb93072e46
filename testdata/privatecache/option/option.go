// Package option holds a middleware the analysis cannot see into, named
// by the -middleware option in the test.
package option

import (
	"net/http"

	"resplint.test/privatecache/helpers"
)

// headers is a table the model does not follow.
var headers = map[string]string{"Cache-Control": "no-store"}

func Opaque(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		for k, v := range headers {
			w.Header().Set(k, v)
		}
		next.ServeHTTP(w, r)
	})
}

func me(w http.ResponseWriter, r *http.Request) {
	w.Write([]byte(helpers.CurrentUser(r)))
}

func other(w http.ResponseWriter, r *http.Request) {
	w.Write([]byte(helpers.CurrentUser(r)))
}

func routes() {
	http.Handle("/me", Opaque(http.HandlerFunc(me)))
	http.HandleFunc("/other", other) // want `option.other reads the cookie "session" \(through helpers.CurrentUser\) but the responses of its route "/other"`
}
