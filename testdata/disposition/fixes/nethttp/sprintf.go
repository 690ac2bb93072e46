package nethttp

import (
	"fmt"
	"net/http"
)

// lastFmt holds the file's only use of fmt, which the fix removes.
func lastFmt(w http.ResponseWriter, r *http.Request) {
	name := r.PathValue("name")
	w.Header().Set("Content-Disposition", fmt.Sprintf("attachment; filename=%s.zip", name)) // want "built with fmt.Sprintf"
	http.ServeFile(w, r, "exports/"+name+".zip")
}
