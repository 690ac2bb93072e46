// Package cookies checks which diagnostics //resplint:ignore directives
// suppress. Each cookie lacks only Secure, so each finding is one
// diagnostic.
package cookies

import "net/http"

func sameLine(w http.ResponseWriter) {
	http.SetCookie(w, &http.Cookie{Name: "session", HttpOnly: true, SameSite: http.SameSiteLaxMode}) //resplint:ignore cookieflags TLS ends at the proxy, which adds Secure
}

func lineAbove(w http.ResponseWriter) {
	//resplint:ignore cookieflags TLS ends at the proxy, which adds Secure
	http.SetCookie(w, &http.Cookie{Name: "session", HttpOnly: true, SameSite: http.SameSiteLaxMode})
}

func multiLine(w http.ResponseWriter) {
	//resplint:ignore cookieflags reported at the call, on the line below
	http.SetCookie(w, &http.Cookie{
		Name:     "session",
		HttpOnly: true,
		SameSite: http.SameSiteLaxMode,
	})
}

func twoLinesAbove(w http.ResponseWriter) {
	//resplint:ignore cookieflags covers the next line only
	w.Header().Set("X-Frame-Options", "DENY")
	http.SetCookie(w, &http.Cookie{Name: "session", HttpOnly: true, SameSite: http.SameSiteLaxMode}) // want `cookie "session" is set without Secure`
}

func lineBelow(w http.ResponseWriter) {
	http.SetCookie(w, &http.Cookie{Name: "session", HttpOnly: true, SameSite: http.SameSiteLaxMode}) // want `cookie "session" is set without Secure`
	//resplint:ignore cookieflags directives do not look upwards
}

func trailing(w http.ResponseWriter) {
	w.Header().Set("X-Frame-Options", "DENY")                                                        //resplint:ignore cookieflags after code, a directive covers its own line only
	http.SetCookie(w, &http.Cookie{Name: "session", HttpOnly: true, SameSite: http.SameSiteLaxMode}) // want `cookie "session" is set without Secure`
}

func trailingInLiteral(w http.ResponseWriter) {
	http.SetCookie(w, &http.Cookie{ //resplint:ignore cookieflags reported at the call, on this line
		Name:     "session",
		HttpOnly: true,
		SameSite: http.SameSiteLaxMode,
	})
}

func afterBlockComment(w http.ResponseWriter) {
	/* a block comment is not code */ //resplint:ignore cookieflags the directive still begins its line
	http.SetCookie(w, &http.Cookie{Name: "session", HttpOnly: true, SameSite: http.SameSiteLaxMode})
}

func list(w http.ResponseWriter) {
	//resplint:ignore nosuchcheck,cookieflags a list; the unknown name does not spoil the known one
	http.SetCookie(w, &http.Cookie{Name: "session", HttpOnly: true, SameSite: http.SameSiteLaxMode})
}

func otherAnalyzer(w http.ResponseWriter) {
	//resplint:ignore nosuchcheck names another analyzer only
	http.SetCookie(w, &http.Cookie{Name: "session", HttpOnly: true, SameSite: http.SameSiteLaxMode}) // want `cookie "session" is set without Secure`
}

func noReason(w http.ResponseWriter) {
	http.SetCookie(w, &http.Cookie{Name: "session", HttpOnly: true, SameSite: http.SameSiteLaxMode}) /* want `cookie "session" is set without Secure` */ //resplint:ignore cookieflags
}

func spaced(w http.ResponseWriter) {
	// resplint:ignore cookieflags a space makes this an ordinary comment
	http.SetCookie(w, &http.Cookie{Name: "session", HttpOnly: true, SameSite: http.SameSiteLaxMode}) // want `cookie "session" is set without Secure`
}

func emptyName(w http.ResponseWriter) {
	//resplint:ignore cookieflags, a stray comma makes this malformed
	http.SetCookie(w, &http.Cookie{Name: "session", HttpOnly: true, SameSite: http.SameSiteLaxMode}) // want `cookie "session" is set without Secure`
}
