package httpfw

// stdlib is the standard library beyond net/http: writers that write a
// body when given the response, encoding/json's decoders.
func stdlib() spec {
	return spec{
		calls:    stdlibCalls(),
		decoders: []decoder{{"encoding/json.Unmarshal", 1}, {"(*encoding/json.Decoder).Decode", 0}},
	}
}

// httpsafe is resplint's own runtime helpers.
func httpsafe() spec { return spec{calls: httpsafeCalls()} }

// stdlibCalls lists the standard library's calls that write a body when
// given the response as an io.Writer, read the request body or a context
// value, or start a CSV download (Go 1.26).
func stdlibCalls() []row {
	rows := []row{
		{"io.WriteString", do(WriterBody, 0).kind(BodyString)},
		{"(*encoding/json.Encoder).Encode", do(Encode, 0).kind(BodyJSON)},
		// xml's Encode flushes before returning; csv.Writer buffers its
		// records until Flush (WriteAll flushes).
		{"(*encoding/xml.Encoder).Encode", do(Encode, 0).kind(BodyOther)},
		{"(*encoding/csv.Writer).WriteAll", do(Encode, 0).kind(BodyCSV)},
		{"(*encoding/csv.Writer).Flush", do(Encode, None).kind(BodyCSV)},
		{"encoding/csv.NewWriter", do(CSV, 0)},
		// Reads of the request body: json.NewDecoder(r.Body).Decode,
		// io.ReadAll(r.Body).
		{"(*encoding/json.Decoder).Decode", do(ReadBody, None)},
		{"io.ReadAll", do(ReadBody, 0)},
		{"(context.Context).Value", do(ReadContext, 0)},
		{"context.WithValue", do(StoreValue, 1)},
	}
	for _, name := range []string{"fmt.Fprint", "fmt.Fprintf", "fmt.Fprintln"} {
		rows = append(rows, row{name, do(WriterBody, 0).kind(BodyString)})
	}
	for _, name := range []string{"io.Copy", "io.CopyN", "io.CopyBuffer"} {
		rows = append(rows, row{name, do(WriterBody, 0).kind(BodyStream)})
	}
	tmpl := []string{"*html/template.Template", "*text/template.Template"}
	return append(rows, on(tmpl, []string{"Execute", "ExecuteTemplate"}, do(WriterBody, 0).kind(BodyTemplate))...)
}

// httpsafeCalls lists resplint's own runtime helpers: NoStore, Private
// and Public set Cache-Control on the response they are given
// (httpsafe/cache.go).
func httpsafeCalls() []row {
	var rows []row
	for _, name := range []string{"NoStore", "Private", "Public"} {
		rows = append(rows, row{pathHttpsafe + "." + name, do(CacheHelper, 0)})
	}
	return rows
}

// pathHttpsafe is the import path of resplint's runtime helpers.
const pathHttpsafe = "github.com/resplint/resplint/httpsafe"
