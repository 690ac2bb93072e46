// Package usehelpers calls the helpers of package helpers.
package usehelpers

import (
	"net/http"

	"github.com/gin-gonic/gin"

	"resplint.test/cors/helpers"
)

var allowed = map[string]bool{"https://app.example.com": true}

func reflected(w http.ResponseWriter, r *http.Request) {
	helpers.Allow(w, helpers.Origin(r)) // want `copied from the request's Origin header, with Access-Control-Allow-Credentials: true, without an allow-list check`
}

func reflectedVar(w http.ResponseWriter, r *http.Request) {
	origin := helpers.Origin(r)
	helpers.Allow(w, origin) // want `without an allow-list check`
}

func checked(w http.ResponseWriter, r *http.Request) {
	if origin := helpers.Origin(r); allowed[origin] {
		helpers.Allow(w, origin)
	}
}

func fixedOrigin(w http.ResponseWriter, r *http.Request) {
	helpers.Allow(w, "https://app.example.com")
}

// Reported in the helper.
func inHelper(w http.ResponseWriter, r *http.Request) {
	helpers.AllowRequest(w, r)
}

func ginReflected(c *gin.Context) {
	c.Header("Vary", "Origin")
	c.Header("Access-Control-Allow-Origin", helpers.GinOrigin(c)) // want `without an allow-list check`
	c.Header("Access-Control-Allow-Credentials", "true")
}
