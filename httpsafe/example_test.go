package httpsafe_test

import (
	"fmt"
	"mime"
	"net/http"
	"net/http/httptest"
	"time"

	"github.com/resplint/resplint/httpsafe"
)

func ExampleAttachment() {
	handler := func(w http.ResponseWriter, r *http.Request) {
		httpsafe.Attachment(w, "report 2024.csv")
		w.Header().Set("Content-Type", "text/csv")
		fmt.Fprintln(w, "id,total")
	}

	rec := httptest.NewRecorder()
	handler(rec, httptest.NewRequest("GET", "/report", nil))
	fmt.Println(rec.Header().Get("Content-Disposition"))
	// Output:
	// attachment; filename="report 2024.csv"
}

func ExampleAttachment_nonASCII() {
	rec := httptest.NewRecorder()
	httpsafe.Attachment(rec, `résumé "final".csv`)
	value := rec.Header().Get("Content-Disposition")
	fmt.Println(value)

	// Clients that understand filename* get the exact name back.
	_, params, _ := mime.ParseMediaType(value)
	fmt.Println(params["filename"])
	// Output:
	// attachment; filename="r_sum_ _final_.csv"; filename*=UTF-8''r%C3%A9sum%C3%A9%20%22final%22.csv
	// résumé "final".csv
}

func ExampleInline() {
	rec := httptest.NewRecorder()
	httpsafe.Inline(rec, "invoice-42.pdf")
	fmt.Println(rec.Header().Get("Content-Disposition"))
	// Output:
	// inline; filename="invoice-42.pdf"
}

func ExampleContentDisposition() {
	// Frameworks that set headers by string, e.g. gin:
	//   c.Header("Content-Disposition", httpsafe.ContentDisposition("attachment", name))
	// or fiber:
	//   c.Set(fiber.HeaderContentDisposition, httpsafe.ContentDisposition("attachment", name))
	fmt.Println(httpsafe.ContentDisposition("attachment", "data.json"))
	fmt.Println(httpsafe.ContentDisposition("inline", "日本語.txt"))
	fmt.Println(httpsafe.ContentDisposition("attachment", "../../etc/passwd"))
	fmt.Println(httpsafe.ContentDisposition("attachment", "a.txt\r\nSet-Cookie: x=y"))
	fmt.Println(httpsafe.ContentDisposition("attachment", ""))
	// Output:
	// attachment; filename="data.json"
	// inline; filename="___.txt"; filename*=UTF-8''%E6%97%A5%E6%9C%AC%E8%AA%9E.txt
	// attachment; filename=".._.._etc_passwd"
	// attachment; filename="a.txt__Set-Cookie_ x=y"; filename*=UTF-8''a.txt__Set-Cookie%3A%20x%3Dy
	// attachment
}

func ExampleSafeFilename() {
	fmt.Printf("%q\n", httpsafe.SafeFilename("  quarterly/report.pdf\n"))
	fmt.Printf("%q\n", httpsafe.SafeFilename("C:\\temp\\notes.txt"))
	fmt.Printf("%q\n", httpsafe.SafeFilename("invoice\u202Efdp.exe"))
	fmt.Printf("%q\n", httpsafe.SafeFilename("pay\u00ADpal.exe"))
	fmt.Printf("%q\n", httpsafe.SafeFilename("..\uFF0F..\uFF0Fetc\u2215passwd"))
	fmt.Printf("%q\n", httpsafe.SafeFilename(`say "hi".txt`))
	fmt.Printf("%q\n", httpsafe.SafeFilename(".."))
	// Output:
	// "quarterly_report.pdf"
	// "C:_temp_notes.txt"
	// "invoice_fdp.exe"
	// "paypal.exe"
	// ".._.._etc_passwd"
	// "say \"hi\".txt"
	// ""
}

func ExampleNoStore() {
	rec := httptest.NewRecorder()
	httpsafe.NoStore(rec)
	fmt.Println(rec.Header().Get("Cache-Control"))
	// Output:
	// private, no-store
}

func ExamplePrivate() {
	rec := httptest.NewRecorder()
	httpsafe.Private(rec, 5*time.Minute)
	fmt.Println(rec.Header().Get("Cache-Control"))
	// Output:
	// private, max-age=300
}

func ExamplePublic() {
	rec := httptest.NewRecorder()
	httpsafe.Public(rec, 24*time.Hour)
	fmt.Println(rec.Header().Get("Cache-Control"))
	// Output:
	// public, max-age=86400
}

func ExampleCacheControlPrivate() {
	// For frameworks that set headers by string, e.g. gin:
	//   c.Header("Cache-Control", httpsafe.CacheControlPrivate(time.Minute))
	fmt.Println(httpsafe.CacheControlPrivate(90 * time.Second))
	fmt.Println(httpsafe.CacheControlPrivate(1500 * time.Millisecond))
	fmt.Println(httpsafe.CacheControlPrivate(-time.Hour))
	// Output:
	// private, max-age=90
	// private, max-age=1
	// private, max-age=0
}

func ExampleCacheControlPublic() {
	fmt.Println(httpsafe.CacheControlPublic(time.Hour))
	fmt.Println(httpsafe.CacheControlPublic(100 * 365 * 24 * time.Hour))
	// Output:
	// public, max-age=3600
	// public, max-age=2147483648
}

func ExampleSessionCookie() {
	login := func(w http.ResponseWriter, r *http.Request) {
		http.SetCookie(w, httpsafe.SessionCookie("__Host-session", "3f9a1c"))
	}
	rec := httptest.NewRecorder()
	login(rec, httptest.NewRequest("POST", "/login", nil))
	fmt.Println(rec.Header().Get("Set-Cookie"))

	// For a persistent cookie, set MaxAge on the result.
	c := httpsafe.SessionCookie("remember", "yes")
	c.MaxAge = int((30 * 24 * time.Hour).Seconds())
	fmt.Println(c)
	// Output:
	// __Host-session=3f9a1c; Path=/; HttpOnly; Secure; SameSite=Lax
	// remember=yes; Path=/; Max-Age=2592000; HttpOnly; Secure; SameSite=Lax
}

func ExampleSessionCookie_invalidName() {
	// A name that is not a token is never sent: net/http serialises the
	// cookie as "" and http.SetCookie writes no header.
	c := httpsafe.SessionCookie("my session", "x")
	fmt.Println(c.Valid())
	fmt.Printf("%q\n", c.String())
	// Output:
	// http: invalid Cookie.Name
	// ""
}

func ExampleDeleteCookie() {
	rec := httptest.NewRecorder()
	http.SetCookie(rec, httpsafe.DeleteCookie("__Host-session"))
	fmt.Println(rec.Header().Get("Set-Cookie"))
	// Output:
	// __Host-session=; Path=/; Expires=Thu, 01 Jan 1970 00:00:00 GMT; Max-Age=0; HttpOnly; Secure; SameSite=Lax
}
