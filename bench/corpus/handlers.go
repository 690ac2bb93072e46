package corpus

import (
	"fmt"
	"strings"
)

// patterns is the number of handler patterns of each framework; handler j
// of a package follows pattern j%patterns.
const patterns = 7

// patternNames name the handlers of each pattern.
var patternNames = [patterns]string{"Login", "Profile", "Export", "Ping", "Me", "Feed", "Report"}

// A framework says how to write handlers and routes for one framework.
type framework struct {
	imports  string           // import specs of the handler file
	params   string           // the handler's parameter list and results
	patterns [patterns]string // handler bodies, with {{i}} for the feature
	register string           // the import spec of the routes file
}

var frameworks = map[string]framework{
	"nethttp": {
		imports: `"encoding/json"
	"fmt"
	"net/http"
	"strconv"`,
		params: "(w http.ResponseWriter, r *http.Request)",
		patterns: [patterns]string{
			`user := r.FormValue("user")
	if err := s{{i}}.Login(w, r, user); err != nil {
		h{{i}}.Error(w, http.StatusInternalServerError, "session")
		return
	}
	http.SetCookie(w, &http.Cookie{Name: "session_id", Value: user})
	http.Redirect(w, r, "/", http.StatusFound)`,
			`u := m{{i}}.Load(r.PathValue("id"))
	w.Header().Set("Content-Type", "application/json")
	_ = json.NewEncoder(w).Encode(u)`,
			`w.Header().Set("Content-Type", "text/csv")
	_, _ = w.Write([]byte("id,name\n"))`,
			`w.WriteHeader(http.StatusOK)
	w.Header().Set("X-Request-ID", r.Header.Get("X-Request-ID"))
	fmt.Fprintln(w, "pong")`,
			`c, err := r.Cookie(h{{i}}.SessionCookie)
	if err != nil {
		h{{i}}.Error(w, http.StatusUnauthorized, "login")
		return
	}
	u := m{{i}}.Load(c.Value)
	h{{i}}.NoStore(w)
	h{{i}}.Respond(w, http.StatusOK, u.Public())`,
			`tok := r.Header.Get("Authorization")
	w.Header().Set("Cache-Control", "public, max-age=60")
	h{{i}}.WriteAs(w, m{{i}}.Paginate(m{{i}}.Orders(m{{i}}.Load(tok)), 10))`,
			`h{{i}}.SetSession(w, strconv.Itoa(len(r.URL.Path)))
	c := h{{i}}.NewCookie("pref", r.URL.Query().Get("theme"))
	http.SetCookie(w, c)
	write := func(data []byte) { h{{i}}.Download(w, "report.csv", data) }
	write([]byte("a,b\n"))`,
		},
		register: `"github.com/go-chi/chi/v5"`,
	},
	"gin": {
		imports: `"net/http"

	"github.com/gin-gonic/gin"`,
		params: "(c *gin.Context)",
		patterns: [patterns]string{
			`user := c.PostForm("user")
	if err := s{{i}}.Login(c.Writer, c.Request, user); err != nil {
		c.AbortWithStatus(http.StatusInternalServerError)
		return
	}
	c.SetCookie("session_id", user, 3600, "/", "", false, false)
	c.Redirect(http.StatusFound, "/")`,
			`c.JSON(http.StatusOK, m{{i}}.Load(c.Param("id")))`,
			`c.Data(http.StatusOK, "text/csv", []byte("id,name\n"))`,
			`c.String(http.StatusOK, "pong")
	c.Header("X-Request-ID", c.GetHeader("X-Request-ID"))`,
			`tok, err := c.Cookie("session_id")
	if err != nil {
		c.AbortWithStatusJSON(http.StatusUnauthorized, gin.H{"error": "login"})
		return
	}
	u := m{{i}}.Load(tok)
	h{{i}}.GinJSON(c, u.Public())`,
			`c.Header("Cache-Control", "public, max-age=60")
	c.JSON(http.StatusOK, m{{i}}.Paginate(m{{i}}.Orders(m{{i}}.Load(c.GetHeader("Authorization"))), 10))`,
			`h{{i}}.GinRemember(c, c.Query("t"))
	c.Header("Content-Disposition", "attachment; filename=report.csv")
	c.Data(http.StatusOK, "text/csv", []byte("a,b\n"))`,
		},
		register: `"github.com/gin-gonic/gin"`,
	},
	"echo4": {
		imports: `"net/http"

	"github.com/labstack/echo/v4"`,
		params: "(c echo.Context) error",
		patterns: [patterns]string{
			`user := c.FormValue("user")
	if err := s{{i}}.Login(c.Response(), c.Request(), user); err != nil {
		return err
	}
	c.SetCookie(&http.Cookie{Name: "session_id", Value: user})
	return c.Redirect(http.StatusFound, "/")`,
			`return c.JSON(http.StatusOK, m{{i}}.Load(c.Param("id")))`,
			`return c.Blob(http.StatusOK, "text/csv", []byte("id,name\n"))`,
			`if err := c.String(http.StatusOK, "pong"); err != nil {
		return err
	}
	c.Response().Header().Set("X-Request-ID", c.Request().Header.Get("X-Request-ID"))
	return nil`,
			`ck, err := c.Cookie("session_id")
	if err != nil {
		return echo.NewHTTPError(http.StatusUnauthorized)
	}
	u := m{{i}}.Load(ck.Value)
	c.Response().Header().Set(echo.HeaderCacheControl, "private")
	return c.JSON(http.StatusOK, u.Public())`,
			`c.Response().Header().Set("Cache-Control", "public")
	return c.JSON(http.StatusOK, c.Get("user"))`,
			`h{{i}}.Echo4Cookie(c, "session_token", c.QueryParam("t"))
	return c.Attachment("report.csv", "report.csv")`,
		},
		register: `"github.com/labstack/echo/v4"`,
	},
	"echo5": {
		imports: `"net/http"

	"github.com/labstack/echo/v5"`,
		params: "(c *echo.Context) error",
		patterns: [patterns]string{
			`user := c.FormValue("user")
	if err := s{{i}}.Login(c.Response(), c.Request(), user); err != nil {
		return err
	}
	c.SetCookie(&http.Cookie{Name: "session_id", Value: user})
	return c.Redirect(http.StatusFound, "/")`,
			`return c.JSON(http.StatusOK, m{{i}}.Load(c.Param("id")))`,
			`return c.Blob(http.StatusOK, "text/csv", []byte("id,name\n"))`,
			`if err := c.String(http.StatusOK, "pong"); err != nil {
		return err
	}
	c.Response().Header().Set("X-Request-ID", c.Request().Header.Get("X-Request-ID"))
	return nil`,
			`ck, err := c.Cookie("session_id")
	if err != nil {
		return c.NoContent(http.StatusUnauthorized)
	}
	u := m{{i}}.Load(ck.Value)
	h{{i}}.Echo5NoStore(c)
	return c.JSON(http.StatusOK, u.Public())`,
			`c.Response().Header().Set("Cache-Control", "public")
	return c.JSON(http.StatusOK, c.Get("user"))`,
			`h{{i}}.Echo5Cookie(c, "session_token", c.QueryParam("t"))
	return c.Attachment("report.csv", "report.csv")`,
		},
		register: `"github.com/labstack/echo/v5"`,
	},
	"fiber2": {
		imports: `"github.com/gofiber/fiber/v2"`,
		params:  "(c *fiber.Ctx) error",
		patterns: [patterns]string{
			`user := c.FormValue("user")
	c.Cookie(&fiber.Cookie{Name: "session_id", Value: user})
	return c.Redirect("/", fiber.StatusFound)`,
			`return c.JSON(m{{i}}.Load(c.Params("id")))`,
			`c.Set(fiber.HeaderContentType, "text/csv")
	return c.Send([]byte("id,name\n"))`,
			`if err := c.SendString("pong"); err != nil {
		return err
	}
	c.Set("X-Request-ID", c.Get("X-Request-ID"))
	return nil`,
			`u := m{{i}}.Load(c.Cookies("session_id"))
	c.Set("Cache-Control", "no-store")
	return c.JSON(u.Public())`,
			`c.Set("Cache-Control", "public, max-age=60")
	return c.JSON(c.Locals("user"))`,
			`h{{i}}.Fiber2Token(c, c.Query("t"))
	c.Attachment("report.csv")
	return c.SendString("a,b\n")`,
		},
		register: `"github.com/gofiber/fiber/v2"`,
	},
	"fiber3": {
		imports: `"github.com/gofiber/fiber/v3"`,
		params:  "(c fiber.Ctx) error",
		patterns: [patterns]string{
			`user := c.FormValue("user")
	c.Cookie(&fiber.Cookie{Name: "session_id", Value: user})
	return c.Redirect().Status(fiber.StatusFound).To("/")`,
			`return c.JSON(m{{i}}.Load(c.Params("id")))`,
			`c.Set(fiber.HeaderContentType, "text/csv")
	return c.Send([]byte("id,name\n"))`,
			`if err := c.SendString("pong"); err != nil {
		return err
	}
	c.Set("X-Request-ID", c.Get("X-Request-ID"))
	return nil`,
			`u := m{{i}}.Load(c.Cookies("session_id"))
	c.Set("Cache-Control", "no-store")
	return c.JSON(u.Public())`,
			`c.Set("Cache-Control", "public, max-age=60")
	return c.JSON(fiber.Locals[string](c, "user"))`,
			`h{{i}}.Fiber3Token(c, c.Query("t"))
	return h{{i}}.Fiber3Attachment(c, "report.csv", []byte("a,b\n"))`,
		},
		register: `"github.com/gofiber/fiber/v3"`,
	},
}

// usesStore reports whether the handlers of fw use the session store.
func usesStore(fw string) bool { return !strings.HasPrefix(fw, "fiber") }

// handlerName returns the name of handler j.
func handlerName(j int) string { return fmt.Sprintf("%s%d", patternNames[j%patterns], j) }

// handlers returns the handler package of feature f for fw.
func (f feature) handlers(fw string, n int) string {
	spec := frameworks[fw]
	var sb strings.Builder
	fmt.Fprintf(&sb, "// Package p%d holds the %s handlers of feature %d.\npackage p%d\n\nimport (\n\t%s\n\n", f.i, fw, f.i, f.i, spec.imports)
	fmt.Fprintf(&sb, "\t%q\n\t%q\n", fmt.Sprintf("%s/helpers/h%d", ModulePath, f.i), fmt.Sprintf("%s/models/m%d", ModulePath, f.i))
	if usesStore(fw) {
		fmt.Fprintf(&sb, "\t%q\n", fmt.Sprintf("%s/stores/s%d", ModulePath, f.i))
	}
	sb.WriteString(")\n")
	for j := range n {
		fmt.Fprintf(&sb, "\n// %s handles a request.\nfunc %s%s {\n\t%s\n}\n", handlerName(j), handlerName(j), spec.params, f.expand(spec.patterns[j%patterns]))
	}
	return sb.String()
}

// routes returns the file registering the handlers of feature f for fw.
func (f feature) routes(fw string, n int) string {
	var params, group, verb string
	switch fw {
	case "nethttp":
		params, group, verb = "r chi.Router", `r.Route("/f{{i}}", func(g chi.Router) {`, "Get"
	case "gin":
		params, group, verb = "e *gin.Engine", `g := e.Group("/f{{i}}")`, "GET"
	case "echo4", "echo5":
		params, group, verb = "e *echo.Echo", `g := e.Group("/f{{i}}")`, "GET"
	default:
		params, group, verb = "app *fiber.App", `g := app.Group("/f{{i}}")`, "Get"
	}
	var sb strings.Builder
	fmt.Fprintf(&sb, "package p%d\n\nimport %s\n\n// Register mounts the handlers.\nfunc Register(%s) {\n\t%s\n", f.i, frameworks[fw].register, params, f.expand(group))
	for j := range n {
		fmt.Fprintf(&sb, "\tg.%s(\"/%s\", %s)\n", verb, strings.ToLower(handlerName(j)), handlerName(j))
	}
	if fw == "nethttp" {
		sb.WriteString("\t})\n")
	}
	sb.WriteString("}\n")
	return sb.String()
}

// test returns a test file for the net/http handlers.
func (f feature) test() string {
	return f.expand(`package p{{i}}

import (
	"net/http/httptest"
	"testing"
)

func TestProfile(t *testing.T) {
	w := httptest.NewRecorder()
	Profile1(w, httptest.NewRequest("GET", "/users/1", nil))
	if w.Code != 200 {
		t.Fatalf("status %d", w.Code)
	}
}
`)
}
