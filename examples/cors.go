package main

import "net/http"

// withCORS lets the shop's web front end call the API with the user's
// session cookie. It copies any Origin into Access-Control-Allow-Origin,
// so every other site may read the API's answers as the user (cors).
func withCORS(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Add("Vary", "Origin")
		w.Header().Set("Access-Control-Allow-Origin", r.Header.Get("Origin"))
		w.Header().Set("Access-Control-Allow-Credentials", "true")
		next.ServeHTTP(w, r)
	})
}
