package nethttp

import (
	"net/http"
	"os"

	"github.com/go-chi/chi/v5"
)

// Handlers that read no identity, behind middleware that does.

func sessionAuth(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if _, err := r.Cookie("session"); err != nil {
			http.Error(w, "login", http.StatusUnauthorized)
			return
		}
		next.ServeHTTP(w, r)
	})
}

func download(w http.ResponseWriter, r *http.Request) {
	f, err := os.Open(r.URL.Query().Get("path"))
	if err != nil {
		http.NotFound(w, r)
		return
	}
	defer f.Close()
	fi, _ := f.Stat()
	http.ServeContent(w, r, fi.Name(), fi.ModTime(), f) // want `handler reads the user through middleware on its route and serves this response with validators`
}

func openDownload(w http.ResponseWriter, r *http.Request) {
	http.ServeFile(w, r, r.URL.Query().Get("path"))
}

func authDownload(w http.ResponseWriter, r *http.Request) {
	http.ServeFile(w, r, r.URL.Query().Get("path"))
}

func storedDownload(w http.ResponseWriter, r *http.Request) {
	http.ServeFile(w, r, r.URL.Query().Get("path"))
}

func indexPage(w http.ResponseWriter, r *http.Request) { http.ServeFile(w, r, "web/index.html") }

func gated() http.Handler {
	r := chi.NewRouter()
	r.Group(func(r chi.Router) {
		r.Use(sessionAuth)
		r.Get("/download", download)
		r.Get("/", indexPage) // the application's own page: the same for every user
	})
	r.Get("/public/download", openDownload) // no middleware identifies anyone
	r.With(auth).Get("/api/download", authDownload)
	r.With(sessionAuth, noStore).Get("/stored/download", storedDownload)

	m := http.NewServeMux()
	m.Handle("/files", sessionAuth(http.HandlerFunc(download)))
	m.Handle("/", r)
	return m
}
