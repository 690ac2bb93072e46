// Package odd holds unusual code the check must not crash or report on.
package odd

import (
	"encoding/csv"
	"fmt"
	"io"
	"net/http"

	"github.com/gin-gonic/gin"
	"github.com/gofiber/fiber/v2"
)

type handler[T any] struct{ rows []T }

// ServeHTTP of a generic type.
func (h *handler[T]) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	fmt.Fprint(w, h.rows)
}

func generic[T fmt.Stringer](w http.ResponseWriter, v T) {
	w.Header().Set("Content-Disposition", "attachment; filename="+v.String()+".txt") // want `built with \+ from the file name v.String\(\)`
}

func formats(w http.ResponseWriter, r *http.Request, names ...string) {
	// Explicit argument indexes and star widths: arguments cannot be mapped.
	w.Header().Set("Content-Disposition", fmt.Sprintf("attachment; filename=%[1]s", r.URL.Path)) // want `built with fmt.Sprintf from a file name computed`
	w.Header().Set("Content-Disposition", fmt.Sprintf("attachment; filename=%*d", 3, 4))
	w.Header().Set("Content-Disposition", fmt.Sprintf("attachment; filename=%s"))
	w.Header().Set("Content-Disposition", fmt.Sprintf("attachment; filename=%"))
	w.Header().Set("Content-Disposition", fmt.Sprint("attachment; filename=", r.URL.Path))
	w.Header()[names[0]] = names
	var h http.Header = w.Header()
	h["Content-Type"] = nil
	csv.NewWriter(nil).Flush()
	csv.NewWriter(io.Discard).Flush()
	http.ServeFile(w, r, "")
	http.ServeFile(w, r, "/")
	http.ServeFile(w, r, ".csv/")
}

func variadic(c *fiber.Ctx, names []string, cfg ...bool) error {
	c.Attachment(names...)
	c.Type("csv", names...)
	return c.SendFile("report.zip", cfg...)
}

func fiberUnknownType(c *fiber.Ctx, ext string) error {
	c.Type(ext)
	c.Type("no-such-extension")
	return c.SendString("")
}

func ginUnknown(c *gin.Context, r io.Reader, extra map[string]string, key string) {
	c.DataFromReader(200, 0, "text/csv", r, map[string]string{key: "x"})
}

func methodValue(w http.ResponseWriter, r *http.Request) {
	f := http.ServeFile
	f(w, r, "report.csv")
	func() {
		w.Header().Set("Content-Type", "text/plain")
	}()
}
