package httpfw

// ChiRender is github.com/go-chi/render, at v1.0.3.
const ChiRender Framework = 8

// pathRender is go-chi/render's import path.
const pathRender = "github.com/go-chi/render"

// chi is go-chi/chi's routers (v5.5.0 mux.go): Use adds net/http
// middleware; With, Group, Route and Mount derive routers from it.
func chi() spec { return spec{router: Router{Middleware: []string{"Use"}, Groups: []string{"Group"}}} }

// render is go-chi/render's spec: its responders, and Bind, DecodeJSON,
// DefaultDecoder and the Decode variable, which decode bodies
// (decoder.go, render.go).
func render() spec {
	return spec{
		framework: ChiRender, name: "chi/render", path: pathRender,
		calls: renderCalls(),
		decoders: []decoder{
			{pathRender + ".Bind", 1},
			{pathRender + ".DecodeJSON", 1},
			{pathRender + ".DefaultDecoder", 1},
			{pathRender + ".Decode", 1}, // a package variable
		},
	}
}

// renderCalls lists go-chi/render v1.0.3's responders (render.go,
// responder.go). Respond is a package variable, called as a function.
func renderCalls() []row {
	rows := []row{
		{pathRender + ".PlainText", body(BodyString, 2)},
		{pathRender + ".Data", renderData()},
		{pathRender + ".XML", body(BodyOther, 2)},
		{pathRender + ".HTML", body(BodyString, 2)},
		{pathRender + ".Status", do(Status, 1)},
	}
	for _, name := range []string{"JSON", "Render", "RenderList", "DefaultResponder", "Respond"} {
		rows = append(rows, row{pathRender + "." + name, body(BodyJSON, 2)})
	}
	return rows
}

// renderData is render.Data, which sets Content-Type
// application/octet-stream.
func renderData() Call {
	c := body(BodyBytes, 2)
	c.Implies = &Implies{ContentType: None, FixedType: "application/octet-stream", Headers: None, FileName: None}
	return c
}

// CacheControl returns the Cache-Control value that the middleware
// function named name (its full name) sets in a way the model does not
// follow, or "". chi v5.5.0's middleware.NoCache (nocache.go) sets its
// headers from a map.
func CacheControl(name string) string {
	switch name {
	case "github.com/go-chi/chi/v5/middleware.NoCache", "github.com/go-chi/chi/middleware.NoCache":
		return "no-cache, no-store, no-transform, must-revalidate, private, max-age=0"
	}
	return ""
}
