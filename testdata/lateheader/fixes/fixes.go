// Package fixes holds the inputs of lateheader's suggested-fix golden tests.
package fixes

import (
	"encoding/json"
	"errors"
	"net/http"

	"github.com/gin-gonic/gin"
	"github.com/gorilla/sessions"
	"github.com/labstack/echo/v4"
)

var store = sessions.NewCookieStore([]byte("key"))

type item struct{ ID string }

func find(id string) (item, error) {
	if id == "" {
		return item{}, errors.New("not found")
	}
	return item{ID: id}, nil
}

// The header and cookie changes right after WriteHeader move above it,
// with their comments; every report of the run has the same edit.
func created(w http.ResponseWriter, r *http.Request) {
	// 201 with the new item.
	w.WriteHeader(http.StatusCreated)
	// Where the item lives.
	w.Header().Set("Location", "/items/1")                                    // want `header "Location" is set after w.WriteHeader`
	w.Header().Set("Content-Type", "application/json")                        // want `header "Content-Type" is set after w.WriteHeader`
	http.SetCookie(w, &http.Cookie{Name: "last", Value: "1", HttpOnly: true}) // want `cookie "last" is set after w.WriteHeader`
	json.NewEncoder(w).Encode(item{ID: "1"})
}

// Only the run right after the write moves; a later one has no fix.
func split(w http.ResponseWriter, r *http.Request) {
	w.Write([]byte("x"))
	w.Header().Set("X-A", "1") // want `header "X-A" is set after w.Write`
	w.Write([]byte("y"))
	w.Header().Set("X-B", "1") // want `header "X-B" is set after w.Write`
}

func login(w http.ResponseWriter, r *http.Request) {
	sess, _ := store.Get(r, "session")
	sess.Values["user"] = "alice"
	http.Redirect(w, r, "/", http.StatusFound)
	sess.Save(r, w) // want `the session cookie is saved after http.Redirect`
}

func missingReturn(w http.ResponseWriter, r *http.Request) {
	it, err := find(r.URL.Query().Get("id"))
	if err != nil {
		http.Error(w, err.Error(), http.StatusNotFound)
	}
	json.NewEncoder(w).Encode(it) // want `json.NewEncoder\(w\).Encode writes to the response after http.Error`
}

func missingReturnCase(w http.ResponseWriter, r *http.Request) {
	switch r.Method {
	case http.MethodGet:
	default:
		http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
	}
	w.Write([]byte("ok")) // want `w.Write writes to the response after http.Error`
}

func ginMissingReturn(c *gin.Context) {
	it, err := find(c.Param("id"))
	if err != nil {
		c.JSON(http.StatusNotFound, gin.H{"error": err.Error()})
	}
	c.JSON(http.StatusOK, it) // want `c.JSON writes to the response after c.JSON`
}

func echoMissingReturn(c echo.Context) error {
	it, err := find(c.Param("id"))
	if err != nil {
		c.JSON(http.StatusNotFound, map[string]string{"error": err.Error()})
	}
	return c.JSON(http.StatusOK, it) // want `c.JSON writes to the response after c.JSON`
}

// Not a branch: no return is added in straight-line code.
func straight(w http.ResponseWriter, r *http.Request) {
	http.Error(w, "gone", http.StatusGone)
	w.Write([]byte("more")) // want `w.Write writes to the response after http.Error`
}

// A function with results other than one error gets no return.
func withResults(w http.ResponseWriter, r *http.Request) (int, error) {
	if r.URL.Path == "" {
		http.NotFound(w, r)
	}
	return w.Write([]byte("x")) // want `w.Write writes to the response after http.NotFound`
}
