// Command app puts the program together: main sets Secure on store.Store,
// config the rest; store.Plain is configured nowhere and reported here.
package main

import (
	"flag"
	"net/http"

	"resplint.test/cookieflags/program/config"
	"resplint.test/cookieflags/program/store"
	"resplint.test/cookieflags/program/web"
)

func main() { // want `session cookie of gorilla/sessions store store.Plain \(store.go:12, default Options with the program's settings\) is set without HttpOnly: .*; set store.Plain.Options.HttpOnly = true in main`
	tls := flag.Bool("tls", true, "serve over TLS")
	flag.Parse()
	store.Store.Options.Secure = *tls
	config.Apply()
	http.HandleFunc("/", web.Visit)
	http.HandleFunc("/login", web.Login)
	http.HandleFunc("/upload", web.Upload)
	http.ListenAndServe(":8080", nil)
}
