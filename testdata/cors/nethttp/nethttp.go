// Package nethttp sets CORS headers by hand on net/http responses.
package nethttp

import (
	"net/http"
	"net/url"
	"regexp"
	"slices"
	"strings"
)

var allowed = map[string]bool{"https://app.example.com": true}

var allowedList = []string{"https://app.example.com", "https://admin.example.com"}

func reflectAll(w http.ResponseWriter, r *http.Request) {
	origin := r.Header.Get("Origin")
	w.Header().Set("Access-Control-Allow-Origin", origin) // want `copied from the request's Origin header, with Access-Control-Allow-Credentials: true, without an allow-list check` `chosen from the request's Origin without Vary: Origin`
	w.Header().Set("Access-Control-Allow-Credentials", "true")
}

func reflectDirect(w http.ResponseWriter, r *http.Request) {
	h := w.Header()
	h.Set("Vary", "Origin")
	h.Set("Access-Control-Allow-Credentials", "true")
	h.Set("Access-Control-Allow-Origin", r.Header.Get("Origin")) // want `without an allow-list check: any web site can read this response`
}

// Only checks that there is an origin.
func presenceOnly(w http.ResponseWriter, r *http.Request) {
	w.Header().Add("Vary", "Origin")
	if origin := r.Header.Get("Origin"); origin != "" {
		w.Header().Set("Access-Control-Allow-Origin", origin) // want `without an allow-list check`
		w.Header().Set("Access-Control-Allow-Credentials", "true")
	}
}

func suffixNoDot(w http.ResponseWriter, r *http.Request) {
	w.Header().Add("Vary", "Origin")
	origin := r.Header.Get("Origin")
	if strings.HasSuffix(origin, "example.com") {
		w.Header().Set("Access-Control-Allow-Origin", origin) // want `after strings.HasSuffix\(origin, "example.com"\), which origins such as "https://attackerexample.com" pass`
		w.Header().Set("Access-Control-Allow-Credentials", "true")
	}
}

func contains(w http.ResponseWriter, r *http.Request) {
	w.Header().Add("Vary", "Origin")
	origin := r.Header.Get("Origin")
	if !strings.Contains(origin, "example.com") {
		return
	}
	w.Header().Set("Access-Control-Allow-Credentials", "true")
	w.Header().Set("Access-Control-Allow-Origin", origin) // want `after strings.Contains\(origin, "example.com"\), which origins such as "https://example.com.attacker.example" pass`
}

var loosePattern = regexp.MustCompile(`https://.*\.example\.com`)

var anchored = regexp.MustCompile(`^https://[a-z]+\.example\.com$`)

func unanchored(w http.ResponseWriter, r *http.Request) {
	w.Header().Add("Vary", "Origin")
	origin := r.Header.Get("Origin")
	if loosePattern.MatchString(origin) {
		w.Header().Set("Access-Control-Allow-Origin", origin) // want `a regular expression without \^ and \$`
		w.Header().Set("Access-Control-Allow-Credentials", "true")
	}
}

func nullOrigin(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Access-Control-Allow-Origin", "null") // want `"null" with Access-Control-Allow-Credentials: true`
	w.Header().Set("Access-Control-Allow-Credentials", "true")
}

func wildcard(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Access-Control-Allow-Credentials", "true")
	w.Header().Set("Access-Control-Allow-Origin", "*") // want `"\*" with Access-Control-Allow-Credentials: true: browsers refuse`
}

// Reflected without credentials: only the cache is wrong.
func noCredentials(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Access-Control-Allow-Origin", r.Header.Get("Origin")) // want `without Vary: Origin`
}

// Negatives.

func mapLookup(w http.ResponseWriter, r *http.Request) {
	w.Header().Add("Vary", "Origin")
	origin := r.Header.Get("Origin")
	if allowed[origin] {
		w.Header().Set("Access-Control-Allow-Origin", origin)
		w.Header().Set("Access-Control-Allow-Credentials", "true")
	}
}

func commaOK(w http.ResponseWriter, r *http.Request) {
	w.Header().Add("Vary", "Origin")
	origin := r.Header.Get("Origin")
	if _, ok := allowed[origin]; !ok {
		http.Error(w, "origin not allowed", http.StatusForbidden)
		return
	}
	w.Header().Set("Access-Control-Allow-Origin", origin)
	w.Header().Set("Access-Control-Allow-Credentials", "true")
}

func listContains(w http.ResponseWriter, r *http.Request) {
	w.Header().Add("Vary", "Origin")
	origin := r.Header.Get("Origin")
	if slices.Contains(allowedList, origin) {
		w.Header().Set("Access-Control-Allow-Origin", origin)
		w.Header().Set("Access-Control-Allow-Credentials", "true")
	}
}

func switchOrigin(w http.ResponseWriter, r *http.Request) {
	w.Header().Add("Vary", "Origin")
	switch origin := r.Header.Get("Origin"); origin {
	case "https://app.example.com", "https://admin.example.com":
		w.Header().Set("Access-Control-Allow-Origin", origin)
		w.Header().Set("Access-Control-Allow-Credentials", "true")
	}
}

func equal(w http.ResponseWriter, r *http.Request) {
	w.Header().Add("Vary", "Origin")
	if origin := r.Header.Get("Origin"); origin == "https://app.example.com" || origin == "https://admin.example.com" {
		w.Header().Set("Access-Control-Allow-Origin", origin)
		w.Header().Set("Access-Control-Allow-Credentials", "true")
	}
}

func dottedSuffix(w http.ResponseWriter, r *http.Request) {
	w.Header().Add("Vary", "Origin")
	origin := r.Header.Get("Origin")
	if strings.HasPrefix(origin, "https://") && strings.HasSuffix(origin, ".example.com") {
		w.Header().Set("Access-Control-Allow-Origin", origin)
		w.Header().Set("Access-Control-Allow-Credentials", "true")
	}
}

func parsedHost(w http.ResponseWriter, r *http.Request) {
	w.Header().Add("Vary", "Origin")
	origin := r.Header.Get("Origin")
	u, err := url.Parse(origin)
	if err != nil || u.Scheme != "https" || u.Hostname() != "app.example.com" {
		return
	}
	w.Header().Set("Access-Control-Allow-Origin", origin)
	w.Header().Set("Access-Control-Allow-Credentials", "true")
}

func anchoredPattern(w http.ResponseWriter, r *http.Request) {
	w.Header().Add("Vary", "Origin")
	origin := r.Header.Get("Origin")
	if anchored.MatchString(origin) {
		w.Header().Set("Access-Control-Allow-Origin", origin)
		w.Header().Set("Access-Control-Allow-Credentials", "true")
	}
}

// A flag set in a loop over the list.
func loopFlag(w http.ResponseWriter, r *http.Request) {
	w.Header().Add("Vary", "Origin")
	origin := r.Header.Get("Origin")
	ok := false
	for _, a := range allowedList {
		if a == origin {
			ok = true
		}
	}
	if ok {
		w.Header().Set("Access-Control-Allow-Origin", origin)
		w.Header().Set("Access-Control-Allow-Credentials", "true")
	}
}

// A check the analysis does not know is taken as one.
func ownCheck(w http.ResponseWriter, r *http.Request) {
	w.Header().Add("Vary", "Origin")
	origin := r.Header.Get("Origin")
	if !isAllowed(origin) {
		return
	}
	w.Header().Set("Access-Control-Allow-Origin", origin)
	w.Header().Set("Access-Control-Allow-Credentials", "true")
}

func isAllowed(origin string) bool { return allowed[origin] }

// "*" for unknown origins, the origin with credentials for known ones.
func starOrOrigin(w http.ResponseWriter, r *http.Request) {
	w.Header().Add("Vary", "Origin")
	origin := r.Header.Get("Origin")
	if allowed[origin] {
		w.Header().Set("Access-Control-Allow-Origin", origin)
		w.Header().Set("Access-Control-Allow-Credentials", "true")
	} else {
		w.Header().Set("Access-Control-Allow-Origin", "*")
	}
}

func starNoCredentials(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Access-Control-Allow-Origin", "*")
}

// A fixed origin from configuration does not vary.
func fixed(w http.ResponseWriter, r *http.Request, cfg struct{ Origin string }) {
	w.Header().Set("Access-Control-Allow-Origin", cfg.Origin)
	w.Header().Set("Access-Control-Allow-Credentials", "true")
}

// An origin picked from the list varies with the request.
func picked(w http.ResponseWriter, r *http.Request) {
	origin := r.Header.Get("Origin")
	pick := ""
	for _, a := range allowedList {
		if a == origin {
			pick = a
		}
	}
	if pick != "" {
		w.Header().Set("Access-Control-Allow-Origin", pick) // want `without Vary: Origin`
		w.Header().Set("Access-Control-Allow-Credentials", "true")
	}
}

type rule struct{ Origin string }

func match(origin string) *rule {
	if allowed[origin] {
		return &rule{origin}
	}
	return nil
}

// The allowed origin of a rule matched against the request's.
func matched(w http.ResponseWriter, r *http.Request) {
	if m := match(r.Header.Get("Origin")); m != nil {
		w.Header().Set("Access-Control-Allow-Origin", m.Origin) // want `without Vary: Origin`
		w.Header().Set("Access-Control-Allow-Credentials", "true")
	}
}

func originAllowed(r *http.Request) bool { return allowed[r.Header.Get("Origin")] }

// A check given the request is taken as one.
func requestCheck(w http.ResponseWriter, r *http.Request) {
	w.Header().Add("Vary", "Origin")
	if !originAllowed(r) {
		http.Error(w, "origin not allowed", http.StatusForbidden)
		return
	}
	w.Header().Set("Access-Control-Allow-Origin", r.Header.Get("Origin"))
	w.Header().Set("Access-Control-Allow-Credentials", "true")
}

type options struct{ all, credentials bool }

// "*" and credentials each under a setting of their own, as in a CORS
// library: they meet only if both are configured.
func (o options) configured(w http.ResponseWriter, r *http.Request) {
	if o.all {
		w.Header().Set("Access-Control-Allow-Origin", "*")
	}
	if o.credentials {
		w.Header().Set("Access-Control-Allow-Credentials", "true")
	}
}

// Excluding one origin, or the listed ones, allows all others.
func denyOne(w http.ResponseWriter, r *http.Request) {
	w.Header().Add("Vary", "Origin")
	if origin := r.Header.Get("Origin"); origin != "https://evil.example" {
		w.Header().Set("Access-Control-Allow-Origin", origin) // want `without an allow-list check`
		w.Header().Set("Access-Control-Allow-Credentials", "true")
	}
}

func notListed(w http.ResponseWriter, r *http.Request) {
	w.Header().Add("Vary", "Origin")
	origin := r.Header.Get("Origin")
	if allowed[origin] {
		return
	}
	w.Header().Set("Access-Control-Allow-Origin", origin) // want `without an allow-list check`
	w.Header().Set("Access-Control-Allow-Credentials", "true")
}

// Rejecting what is not listed is a check.
func rejectOthers(w http.ResponseWriter, r *http.Request) {
	w.Header().Add("Vary", "Origin")
	origin := r.Header.Get("Origin")
	if origin != "https://app.example.com" && !slices.Contains(allowedList, origin) {
		return
	}
	w.Header().Set("Access-Control-Allow-Origin", origin)
	w.Header().Set("Access-Control-Allow-Credentials", "true")
}

func elseBranch(w http.ResponseWriter, r *http.Request) {
	w.Header().Add("Vary", "Origin")
	origin := r.Header.Get("Origin")
	if !allowed[origin] {
		w.WriteHeader(http.StatusForbidden)
	} else {
		w.Header().Set("Access-Control-Allow-Origin", origin)
		w.Header().Set("Access-Control-Allow-Credentials", "true")
	}
}

// Through the header map.
func headerMap(w http.ResponseWriter, r *http.Request) {
	w.Header()["Vary"] = []string{"Origin"}
	w.Header()["Access-Control-Allow-Origin"] = []string{r.Header.Get("Origin")} // want `without an allow-list check`
	w.Header()["Access-Control-Allow-Credentials"] = []string{"true"}
}

// The request's header through a variable is the request's Origin.
func headerVariable(w http.ResponseWriter, r *http.Request) {
	h := r.Header
	w.Header().Set("Vary", "Origin")
	w.Header().Set("Access-Control-Allow-Origin", h.Get("Origin")) // want `without an allow-list check`
	w.Header().Set("Access-Control-Allow-Credentials", "true")
}

// A response's headers are not the request's: the values below are
// whatever this server or an upstream answered, not the caller's Origin.
func notRequestHeaders(w http.ResponseWriter, r *http.Request, upstream *http.Response) {
	w.Header().Set("Vary", "Origin")
	w.Header().Set("Access-Control-Allow-Origin", w.Header().Get("Origin"))
	w.Header().Set("Access-Control-Allow-Origin", upstream.Header.Get("Origin"))
	w.Header().Set("Access-Control-Allow-Credentials", "true")
}
