package nethttp

import "net/http"

// setC sets any cookie type whose core type is *http.Cookie.
func setC[C ~*http.Cookie](w http.ResponseWriter, c C) {
	http.SetCookie(w, c)
}

func genericHelper(w http.ResponseWriter) {
	setC(w, &http.Cookie{Name: "session", Value: "v", HttpOnly: true, SameSite: http.SameSiteLaxMode}) // want `cookie "session" \(set by nethttp.setC\) is set without Secure`
}

// myCookie is http.Cookie under another name.
type myCookie http.Cookie

func converted(w http.ResponseWriter) {
	c := &myCookie{Name: "session_id", Value: "v", Secure: true, SameSite: http.SameSiteLaxMode}
	http.SetCookie(w, (*http.Cookie)(c)) // want `cookie "session_id" is set without HttpOnly`
}

func convertedSafe(w http.ResponseWriter) {
	c := myCookie{Name: "session_id", Value: "v", Secure: true, HttpOnly: true, SameSite: http.SameSiteLaxMode}
	hc := http.Cookie(c)
	http.SetCookie(w, &hc)
}
