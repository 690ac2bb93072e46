package nethttp

import (
	"html/template"
	"net/http"

	"resplint.test/privatecache/helpers"
)

// A helper that builds a page's data answers 401 when no user is signed
// in and returns the user's data otherwise: the page is per-user.

var pageTemplate = template.Must(template.New("page").Parse(`{{.User}}`))

type pageData struct{ User, Error string }

func buildPage(w http.ResponseWriter, r *http.Request) *pageData {
	u := helpers.CurrentUser(r)
	if u == "" {
		w.WriteHeader(http.StatusUnauthorized)
		return &pageData{Error: "sign in"}
	}
	return &pageData{User: u}
}

func dashboard(w http.ResponseWriter, r *http.Request) {
	pageTemplate.Execute(w, buildPage(w, r)) // want `handler reads the cookie "session" \(through nethttp.buildPage\) but writes this response without Cache-Control private or no-store`
}

func dashboardVar(w http.ResponseWriter, r *http.Request) {
	data := buildPage(w, r)
	pageTemplate.Execute(w, data) // want `handler reads the cookie "session" \(through nethttp.buildPage\) but writes this response without Cache-Control private or no-store`
}

// denyPage always answers 401: the user it reads is for the log.
func denyPage(w http.ResponseWriter, r *http.Request) *pageData {
	u := helpers.CurrentUser(r)
	w.WriteHeader(http.StatusUnauthorized)
	return &pageData{Error: "denied " + u}
}

func denied(w http.ResponseWriter, r *http.Request) {
	pageTemplate.Execute(w, denyPage(w, r))
}
