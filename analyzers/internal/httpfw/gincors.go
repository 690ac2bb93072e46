package httpfw

// pathGinCORS is github.com/gin-contrib/cors's import path.
const pathGinCORS = "github.com/gin-contrib/cors"

// ginCORS is gin-contrib/cors v1.7.7: New takes a Config and panics when
// Config.Validate fails (config.go newCors): AllowAllOrigins beside
// AllowOrigins or a predicate, or no origin at all (cors.go). "*" among
// AllowOrigins turns AllowAllOrigins on. Every origin allowed is
// answered with "*", also with AllowCredentials (utils.go
// generateNormalHeaders); an origin AllowOrigins, AllowOriginFunc or
// AllowOriginWithContextFunc allows is answered with itself (applyCors).
// Validate also refuses an origin with neither "*" nor a scheme, such as
// "null". With AllowWildcard, one "*" in an origin matches any text
// (parseWildcardRules, validateWildcardOrigin). DefaultConfig has no
// origins and no credentials.
func ginCORS() spec {
	return spec{cors: []corsRow{{pathGinCORS + ".New", CORS{
		Library: "gin-contrib/cors", Arg: 0,
		Origins: "AllowOrigins", Credentials: "AllowCredentials", AllowAll: "AllowAllOrigins",
		Funcs: []OriginFunc{{"AllowOriginFunc", 0}, {"AllowOriginWithContextFunc", 0}},
		Star:  StarSent, Validates: true, Wildcards: true, WildcardsOn: "AllowWildcard",
		Defaults: []string{pathGinCORS + ".DefaultConfig"},
	}}}}
}
