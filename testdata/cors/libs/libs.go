// Package libs configures net/http CORS middleware: rs/cors, go-chi/cors
// and gorilla/handlers.
package libs

import (
	"net/http"
	"strings"

	chicors "github.com/go-chi/cors"
	"github.com/gorilla/handlers"
	"github.com/rs/cors"
)

var allowed = map[string]bool{"https://app.example.com": true}

func allowAny(origin string) bool { return true }

func rs(h http.Handler) {
	_ = cors.New(cors.Options{AllowedOrigins: []string{"*"}, AllowCredentials: true}) // want `rs/cors allows every origin with credentials, and so sends Access-Control-Allow-Origin "\*"`
	_ = cors.New(cors.Options{AllowCredentials: true})                                // want `rs/cors allows every origin with credentials`
	_ = cors.New(cors.Options{AllowOriginFunc: allowAny, AllowCredentials: true})     // want `rs/cors's AllowOriginFunc accepts every origin`
	_ = cors.New(cors.Options{
		AllowOriginRequestFunc: func(r *http.Request, origin string) bool { return true }, // want `AllowOriginRequestFunc accepts every origin`
		AllowCredentials:       true,
	})
	_ = cors.New(cors.Options{AllowedOrigins: []string{"https://app.example.com", "null"}, AllowCredentials: true}) // want `rs/cors allows the origin "null" with credentials`
	_ = cors.New(cors.Options{AllowedOrigins: []string{"https://*example.com"}, AllowCredentials: true})            // want `rs/cors allows origins matching "https://\*example.com" with credentials, and "https://attackerexample.com" matches too`
	_ = cors.New(cors.Options{AllowedOrigins: []string{"https://example.*"}, AllowCredentials: true})               // want `"https://example.attacker.example" matches too`
	_ = cors.New(cors.Options{AllowedOrigins: []string{"http://localhost:*", "https://*.example.com"}, AllowCredentials: true})
	opts := cors.Options{AllowedOrigins: []string{"*"}}
	opts.AllowCredentials = true
	_ = cors.New(opts) // want `rs/cors allows every origin with credentials`

	_ = cors.New(cors.Options{AllowedOrigins: []string{"https://app.example.com", "https://*.example.com"}, AllowCredentials: true})
	_ = cors.New(cors.Options{AllowedOrigins: []string{"*"}})
	_ = cors.AllowAll()
	_ = cors.New(cors.Options{AllowOriginFunc: func(o string) bool { return allowed[o] }, AllowCredentials: true})
}

func chi(h http.Handler) {
	_ = chicors.Handler(chicors.Options{AllowedOrigins: []string{"*"}, AllowCredentials: true}) // want `go-chi/cors allows every origin with credentials`
	_ = chicors.New(chicors.Options{
		AllowOriginFunc: func(r *http.Request, origin string) bool { // want `go-chi/cors's AllowOriginFunc accepts origins with strings.Contains`
			return strings.Contains(origin, "example.com")
		},
		AllowCredentials: true,
	})
	_ = chicors.Handler(chicors.Options{AllowedOrigins: []string{"https://app.example.com"}, AllowCredentials: true})
}

func gorilla(h http.Handler) {
	_ = handlers.CORS(handlers.AllowCredentials())                                                                     // want `gorilla/handlers allows every origin with credentials`
	_ = handlers.CORS(handlers.AllowedOrigins([]string{"*"}), handlers.AllowCredentials())                             // want `gorilla/handlers allows every origin`
	_ = handlers.CORS(handlers.AllowedOriginValidator(func(string) bool { return true }), handlers.AllowCredentials()) // want `AllowedOriginValidator accepts every origin`

	_ = handlers.CORS(handlers.AllowedOrigins([]string{"null"}), handlers.AllowCredentials()) // want `gorilla/handlers allows the origin "null"`
	_ = handlers.CORS(handlers.AllowedOrigins([]string{"https://app.example.com"}), handlers.AllowCredentials())
	_ = handlers.CORS(handlers.AllowedOrigins([]string{"*"}))
	_ = handlers.CORS(handlers.AllowedOriginValidator(func(o string) bool { return allowed[o] }), handlers.AllowCredentials())

	// Options held in variables are read where they are made; an option
	// the analysis cannot read leaves the configuration unknown.
	creds := handlers.AllowCredentials()
	methods := handlers.AllowedMethods([]string{"GET"})
	_ = handlers.CORS(methods, creds) // want `gorilla/handlers allows every origin with credentials`
	site := handlers.AllowedOrigins([]string{"https://app.example.com"})
	_ = handlers.CORS(site, creds)
	_ = handlers.CORS(gorillaOrigins(), creds)
	_ = handlers.CORS(gorillaOptions[0], creds)
}

func gorillaOrigins() handlers.CORSOption {
	return handlers.AllowedOrigins([]string{"https://app.example.com"})
}

var gorillaOptions = []handlers.CORSOption{handlers.AllowedOrigins([]string{"https://app.example.com"})}
