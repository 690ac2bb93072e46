package fixes

import "github.com/gorilla/sessions"

func newStore(key []byte) *sessions.FilesystemStore {
	store := sessions.NewFilesystemStore("", key) // want "HttpOnly" "Secure" "SameSite"
	return store
}

func setOptions(s *sessions.Session) {
	s.Options = &sessions.Options{Path: "/", MaxAge: 3600, HttpOnly: true} // want "Secure" "SameSite"
}
