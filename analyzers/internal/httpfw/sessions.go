package httpfw

// GorillaSessions is github.com/gorilla/sessions, at v1.4.0: session
// stores whose Options (options.go) a session cookie is written with.
const GorillaSessions Framework = 7

// PathSessions is gorilla/sessions' import path.
const PathSessions = "github.com/gorilla/sessions"

func sessions() spec {
	return spec{
		framework: GorillaSessions, name: "gorilla/sessions", path: PathSessions,
		calls:   sessionsCalls(),
		cookies: []cookieType{{path: PathSessions, name: "Options", shown: "sessions.Options", httpOnly: "HttpOnly"}},
		info:    Info{Store: "gorilla/sessions store", StoreOptions: "sessions.Options"},
	}
}

// sessionsCalls lists gorilla/sessions v1.4.0's calls (sessions.go,
// store.go): Session.Save, sessions.Save and a store's Save(r, w, s)
// write the session cookie (through a store, an interface, so its
// Options are not known here); the stores' Get and New read a session;
// NewSession makes one with Options: new(Options), not the store's.
func sessionsCalls() []row {
	rows := []row{
		{PathSessions + ".NewSession", do(NewSession, 0)},
		{"(*" + PathSessions + ".Session).Save", do(SessionSave, 1)},
		{PathSessions + ".Save", do(SessionSave, 1)},
		{"(*" + PathSessions + ".Registry).Get", do(ReadSession, None)},
	}
	stores := []string{PathSessions + ".Store", "*" + PathSessions + ".CookieStore", "*" + PathSessions + ".FilesystemStore"}
	rows = append(rows, on(stores, []string{"Save"}, do(SessionSave, 1))...)
	return append(rows, on(stores, []string{"Get", "New"}, do(ReadSession, None))...)
}
