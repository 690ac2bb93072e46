package httpfw

// pathChiCORS is github.com/go-chi/cors's import path.
const pathChiCORS = "github.com/go-chi/cors"

// chiCORS is go-chi/cors v1.2.2 (cors.go): New and Handler take
// Options. AllowOriginFunc replaces AllowedOrigins; with neither, or
// with "*" among them, every origin is allowed and answered with "*",
// also with AllowCredentials (handleActualRequest). Any other allowed
// origin is answered with the request's own; one "*" inside an origin
// matches any text (utils.go wildcard).
func chiCORS() spec {
	c := CORS{
		Library: "go-chi/cors", Arg: 0,
		Origins: "AllowedOrigins", Credentials: "AllowCredentials",
		Funcs:    []OriginFunc{{"AllowOriginFunc", 0}},
		EmptyAll: true, Star: StarSent, Wildcards: true,
	}
	return spec{cors: []corsRow{{pathChiCORS + ".New", c}, {pathChiCORS + ".Handler", c}}}
}
