// Command server serves the routers of package router.
package main

import (
	"net/http"

	"resplint.test/privatecache/program/mw"
	"resplint.test/privatecache/program/router"
)

func main() {
	http.Handle("/chi/", router.Chi())
	http.Handle("/gorilla/", router.Gorilla()) // want `api.Profile reads the cookie "session" \(through api.user\) but the responses of its route "/profile" \(through router.Gorilla\) carry no Cache-Control private or no-store`
	http.Handle("/covered/", mw.NoStore(router.Gorilla()))
	http.ListenAndServe(":8080", nil)
}
