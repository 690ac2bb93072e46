package nethttp

import (
	"context"
	"encoding/json"
	"log/slog"
	"net/http"

	"resplint.test/privatecache/helpers"
)

// Handlers that read the user only to tag log lines send what everyone
// sees.

func logged(w http.ResponseWriter, r *http.Request) {
	helpers.Log(r.Context()).Info("listing plans")
	json.NewEncoder(w).Encode([]string{"free", "pro"})
}

func loggedHere(w http.ResponseWriter, r *http.Request) {
	logger(r.Context()).Info("listing plans")
	json.NewEncoder(w).Encode([]string{"free", "pro"})
}

func logger(ctx context.Context) *slog.Logger {
	u, _ := ctx.Value(sessionKey{}).(string)
	return slog.With("user", u)
}

type sessionKey struct{}

// loggedAndShown reads the user for the log and for the response.
func loggedAndShown(w http.ResponseWriter, r *http.Request) {
	helpers.Log(r.Context()).Info("profile")
	json.NewEncoder(w).Encode(helpers.UserFrom(r.Context())) // want `handler reads the context value helpers.userKey \(through helpers.UserFrom\) but writes this response`
}
