package fixes

import (
	"net/http"
	"time"

	"github.com/resplint/resplint/httpsafe"
)

func me(w http.ResponseWriter, r *http.Request) {
	c, _ := r.Cookie("session")
	w.Write([]byte(c.Value)) // want "without Cache-Control private or no-store"
}

func public(w http.ResponseWriter, r *http.Request) {
	u := r.Context().Value("user")
	w.Header().Set("Cache-Control", "public, max-age=300, s-maxage=600") // want "public and s-maxage"
	w.Write([]byte(u.(string)))
}

func weak(w http.ResponseWriter, r *http.Request) {
	u := r.Context().Value("user")
	w.Header().Set("Cache-Control", `max-age=0`) // want "without private or no-store"
	w.Write([]byte(u.(string)))
}

func publicHelper(w http.ResponseWriter, r *http.Request) {
	u := r.Context().Value("user")
	httpsafe.Public(w, time.Minute) // want "public and s-maxage"
	w.Write([]byte(u.(string)))
}
