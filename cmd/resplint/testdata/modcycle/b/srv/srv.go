package srv

import "example.com/a/router"

func Config(r *router.Router) string { return r.Name }
