// Package usehelpers calls the helpers package: its identity reads and
// cache headers count here, through facts.
package usehelpers

import (
	"encoding/json"
	"net/http"

	"resplint.test/privatecache/helpers"
)

func profile(w http.ResponseWriter, r *http.Request) {
	json.NewEncoder(w).Encode(helpers.CurrentUser(r)) // want `handler reads the cookie "session" \(through helpers.CurrentUser\) but writes`
}

func named(w http.ResponseWriter, r *http.Request) {
	w.Write([]byte(helpers.CookieValue(r, "remember_token"))) // want `handler reads the cookie "remember_token" \(through helpers.CookieValue\) but writes`
}

// The error helper's no-store does not govern the success body.
func errorPath(w http.ResponseWriter, r *http.Request) {
	u := helpers.CurrentUser(r)
	if u == "" {
		helpers.ServerError(w)
		return
	}
	w.Write([]byte(u)) // want `handler reads the cookie "session" \(through helpers.CurrentUser\) but writes`
}

// Negatives.

func builder(w http.ResponseWriter, r *http.Request) {
	helpers.NewBuilder(w).WithHeader("Cache-Control", "private, no-store").Write([]byte(helpers.CurrentUser(r)))
}

func page(w http.ResponseWriter, r *http.Request) {
	helpers.HTML(w, helpers.CurrentUser(r))
}

// Decoding the request body: the handler serves POST, PUT or PATCH.
func update(w http.ResponseWriter, r *http.Request) {
	var v struct{ Name string }
	json.NewDecoder(r.Body).Decode(&v)
	json.NewEncoder(w).Encode(helpers.CurrentUser(r))
}

func locale(w http.ResponseWriter, r *http.Request) {
	w.Write([]byte(helpers.Locale(r) + helpers.CookieValue(r, "theme")))
}

func private(w http.ResponseWriter, r *http.Request) {
	helpers.SetPrivate(w)
	w.Write([]byte(helpers.CurrentUser(r)))
}

// Registered nowhere in this package and exported: the packages that
// register it decide, whatever its name says.
func DeleteAccount(w http.ResponseWriter, r *http.Request) { // want DeleteAccount:`per-user missing`
	w.Write([]byte("deleted " + helpers.CurrentUser(r)))
}

func handleUpdateProfile(w http.ResponseWriter, r *http.Request) {
	w.Write([]byte("updated " + helpers.CurrentUser(r)))
}

// "Settings" is not a verb.
func Settings(w http.ResponseWriter, r *http.Request) { // want Settings:`per-user missing \(usehelpers.Settings reads the cookie "session" \(through helpers.CurrentUser\)\)`
	w.Write([]byte(helpers.CurrentUser(r)))
}

// GetMenu is registered in another package; its swag annotation says it
// serves POST.
//
// @Summary	the user's menu
// @Router		/menu/getMenu [post]
func GetMenu(w http.ResponseWriter, r *http.Request) { // want GetMenu:`per-user missing`
	w.Write([]byte(helpers.CurrentUser(r)))
}

// UserInfo's annotation says GET.
//
// @Router /user/info [get]
func UserInfo(w http.ResponseWriter, r *http.Request) { // want UserInfo:`per-user missing \(usehelpers.UserInfo reads the cookie "session" \(through helpers.CurrentUser\)\)`
	w.Write([]byte(helpers.CurrentUser(r)))
}

// DeleteAccountPage's annotation says GET, whatever its name says.
//
// @Router /account/delete [get]
func DeleteAccountPage(w http.ResponseWriter, r *http.Request) { // want DeleteAccountPage:`per-user missing \(usehelpers.DeleteAccountPage reads the cookie "session" \(through helpers.CurrentUser\)\)`
	w.Write([]byte(helpers.CurrentUser(r)))
}

// Unexported and registered nowhere: the swag annotation is the only
// hint of how it is served.
//
// @Router /menu/items [post]
func menuItems(w http.ResponseWriter, r *http.Request) {
	w.Write([]byte(helpers.CurrentUser(r)))
}

// @Router /menu/page [get]
func menuPage(w http.ResponseWriter, r *http.Request) {
	w.Write([]byte(helpers.CurrentUser(r))) // want `handler reads the cookie "session" \(through helpers.CurrentUser\) but writes`
}
