// Package fixed holds the routers of fixes/groups.go after the
// middleware fix: nothing is left to report.
package fixed

import (
	"net/http"

	"github.com/gin-gonic/gin"
	"github.com/go-chi/chi/v5"
	fiber2 "github.com/gofiber/fiber/v2"
	fiber3 "github.com/gofiber/fiber/v3"
	"github.com/gorilla/mux"
	echo4 "github.com/labstack/echo/v4"
	echo5 "github.com/labstack/echo/v5"
)

func chiRoutes() {
	r := chi.NewRouter()
	r.Use(func(next http.Handler) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Cache-Control", "private, no-store")
			next.ServeHTTP(w, r)
		})
	})
	r.Get("/me", profile)
	r.Get("/inbox", profile)
}

func gorillaRoutes() {
	m := mux.NewRouter()
	m.Use(func(next http.Handler) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Cache-Control", "private, no-store")
			next.ServeHTTP(w, r)
		})
	})
	m.HandleFunc("/me", profile)
}

func ginRoutes() {
	g := gin.New().Group("/api")
	g.Use(func(c *gin.Context) {
		c.Header("Cache-Control", "private, no-store")
	})
	g.GET("/me", ginUser)
}

func echo4Routes() {
	e := echo4.New()
	e.Use(func(next echo4.HandlerFunc) echo4.HandlerFunc {
		return func(c echo4.Context) error {
			c.Response().Header().Set("Cache-Control", "private, no-store")
			return next(c)
		}
	})
	e.GET("/me", echo4User)
}

func echo5Routes() {
	e := echo5.New()
	e.Use(func(next echo5.HandlerFunc) echo5.HandlerFunc {
		return func(c *echo5.Context) error {
			c.Response().Header().Set("Cache-Control", "private, no-store")
			return next(c)
		}
	})
	e.GET("/me", echo5User)
}

func fiber2Routes() {
	app := fiber2.New()
	app.Use(func(c *fiber2.Ctx) error {
		c.Set("Cache-Control", "private, no-store")
		return c.Next()
	})
	app.Get("/me", fiber2User)
}

func fiber3Routes() {
	app := fiber3.New()
	app.Use(func(c fiber3.Ctx) error {
		c.Set("Cache-Control", "private, no-store")
		return c.Next()
	})
	app.Get("/me", fiber3User)
}

func profile(w http.ResponseWriter, r *http.Request) {
	w.Write([]byte(r.Context().Value("user").(string)))
}

func ginUser(c *gin.Context)           { c.JSON(200, c.MustGet("user")) }
func echo4User(c echo4.Context) error  { return c.JSON(200, c.Get("user")) }
func echo5User(c *echo5.Context) error { return c.JSON(200, c.Get("user")) }
func fiber2User(c *fiber2.Ctx) error   { return c.JSON(c.Locals("user")) }
func fiber3User(c fiber3.Ctx) error    { return c.JSON(c.Locals("user")) }
