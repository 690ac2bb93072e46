// Package lateheader defines an Analyzer that reports headers, cookies
// and status codes set after the response was sent, and writes after a
// complete response without a return.
//
// # Analyzer lateheader
//
// lateheader: report headers, cookies and status set after the response header was sent
//
// net/http sends the status line and the header with the first body write
// or WriteHeader call; changing the header map later has no effect
// (trailers and 1xx informational codes aside), and a second WriteHeader
// only logs "superfluous response.WriteHeader call". gin sends them with
// the first body write (c.Status alone only records the code); echo with
// the first write or WriteHeader ("response already committed"). So a
// header, a cookie or a status set after that point is silently lost.
//
// The check follows the control-flow graph of each function: it reports
// such a change when some path reaches it after the header was sent, and
// a write or a second response after a complete one (http.Error,
// http.Redirect, http.NotFound, http.ServeFile, gin's c.JSON, echo's
// c.String, ...) that falls through because the branch has no return.
// A header set in one branch and a write in another is fine; so is a
// status sent on the error path of the write itself (if err :=
// tmpl.Execute(w, v); err != nil { http.Error(...) }), where either
// nothing was written or the client is gone. Panics, os.Exit and
// log.Fatal end a path. A condition tested twice with nothing assigned
// to it in between (if err != nil { ... } ... if err == nil { ... })
// takes the same branch both times: paths that would take both branches
// are not followed.
//
// Writes include w.Write, fmt.Fprint*(w, ...), io.Copy(w, ...),
// io.WriteString(w, ...), json.NewEncoder(w).Encode, template
// Execute(w, ...), http.ServeFile and the frameworks' render calls;
// header changes include w.Header().Set/Add/Del, http.SetCookie, gin's
// c.Header and c.SetCookie, echo's c.SetCookie and gorilla/sessions'
// Save. Helpers that write or set headers for their caller count, in
// any package. A middleware's next.ServeHTTP(w, r) on the response and
// gin's c.Next() run the handler that normally writes the response, so
// headers and cookies set after them are reported too (unless the
// middleware checks c.Writer.Written()), as is calling the next handler
// after a complete response. fiber and hertz build the whole response in
// memory and send it after the handler returns, so they are not
// reported, except for changes after hertz's writer of server-sent
// events (sse.NewWriter) sent the header with its first write.
//
// Categories: header, cookie, status (a second or late status: a
// WriteHeader, c.Status, or a complete response after a partial write),
// return (a write after a complete response). Suggested fixes, where
// they are certainly right: move header and cookie statements that
// directly follow the first write above it; add the missing return after
// a complete response that ends an if or case branch.
package lateheader
