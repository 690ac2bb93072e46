package httpfw

// pathRsCORS is github.com/rs/cors's import path.
const pathRsCORS = "github.com/rs/cors"

// rsCORS is rs/cors v1.11.1 (cors.go): New takes Options. A predicate
// (AllowOriginVaryRequestFunc, AllowOriginRequestFunc, AllowOriginFunc)
// replaces AllowedOrigins; with neither, or with "*" among them, every
// origin is allowed and answered with "*", also when AllowCredentials
// adds Access-Control-Allow-Credentials: true (handleActualRequest).
// Any other allowed origin is answered with the request's own; one "*"
// inside an origin matches any text (wildcard.match).
func rsCORS() spec {
	return spec{cors: []corsRow{{pathRsCORS + ".New", CORS{
		Library: "rs/cors", Arg: 0,
		Origins: "AllowedOrigins", Credentials: "AllowCredentials",
		Funcs:    []OriginFunc{{"AllowOriginFunc", 0}, {"AllowOriginRequestFunc", 0}, {"AllowOriginVaryRequestFunc", 0}},
		EmptyAll: true, Star: StarSent, Wildcards: true,
	}}}}
}
