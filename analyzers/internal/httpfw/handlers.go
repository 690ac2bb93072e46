package httpfw

// pathHandlers is github.com/gorilla/handlers's import path.
const pathHandlers = "github.com/gorilla/handlers"

// handlersCORS is gorilla/handlers v1.5.2 (cors.go): CORS takes options.
// With no AllowedOrigins and no AllowedOriginValidator, or with "*"
// among the origins, it answers "*", also with AllowCredentials
// (ServeHTTP); otherwise it answers with the request's own origin, which
// a validator alone accepts.
func handlersCORS() spec {
	return spec{cors: []corsRow{{pathHandlers + ".CORS", CORS{
		Library: "gorilla/handlers", Arg: None,
		Origins: pathHandlers + ".AllowedOrigins", Credentials: pathHandlers + ".AllowCredentials",
		Funcs:    []OriginFunc{{pathHandlers + ".AllowedOriginValidator", 0}},
		EmptyAll: true, Star: StarSent,
	}}}}
}
