package lsp

import (
	"bufio"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/textproto"
	"strconv"
	"strings"
	"sync"
)

// JSON-RPC 2.0 error codes, and those LSP adds.
const (
	codeParseError           = -32700
	codeInvalidRequest       = -32600
	codeMethodNotFound       = -32601
	codeInvalidParams        = -32602
	codeInternalError        = -32603
	codeServerNotInitialized = -32002
)

// A message is a request, a notification (no ID) or a response (no
// method) as read from the client.
type message struct {
	JSONRPC string          `json:"jsonrpc"`
	ID      json.RawMessage `json:"id,omitempty"`
	Method  string          `json:"method,omitempty"`
	Params  json.RawMessage `json:"params,omitempty"`
	Result  json.RawMessage `json:"result,omitempty"`
	Error   *rpcError       `json:"error,omitempty"`
}

func (m *message) isRequest() bool { return m.Method != "" && len(m.ID) > 0 }

// An rpcError is the error of a response.
type rpcError struct {
	Code    int    `json:"code"`
	Message string `json:"message"`
}

func (e *rpcError) Error() string { return e.Message }

func errorf(code int, format string, args ...any) *rpcError {
	return &rpcError{Code: code, Message: fmt.Sprintf(format, args...)}
}

// maxMessage bounds the size of a message, against a bad header.
const maxMessage = 1 << 30

// A reader reads messages framed by a base protocol header.
type reader struct {
	r *bufio.Reader
}

func newReader(r io.Reader) *reader { return &reader{bufio.NewReader(r)} }

// errBadMessage wraps errors after which the next message can still be read.
var errBadMessage = errors.New("bad message")

// read returns the next message. It returns io.EOF at the end of the
// input, and an error wrapping errBadMessage for a body that is not a
// JSON-RPC message; other errors mean the stream is unusable.
func (rd *reader) read() (*message, error) {
	tp := textproto.NewReader(rd.r)
	header, err := tp.ReadMIMEHeader()
	if err != nil {
		if errors.Is(err, io.EOF) && len(header) == 0 {
			return nil, io.EOF
		}
		return nil, fmt.Errorf("reading header: %v", err)
	}
	length, err := strconv.Atoi(strings.TrimSpace(header.Get("Content-Length")))
	if err != nil || length < 0 || length > maxMessage {
		return nil, fmt.Errorf("bad Content-Length %q", header.Get("Content-Length"))
	}
	body := make([]byte, length)
	if _, err := io.ReadFull(rd.r, body); err != nil {
		return nil, fmt.Errorf("reading body: %v", err)
	}
	var m message
	if err := json.Unmarshal(body, &m); err != nil {
		return nil, fmt.Errorf("%w: %v", errBadMessage, err)
	}
	if m.JSONRPC != "2.0" {
		return &m, fmt.Errorf("%w: jsonrpc is %q, not \"2.0\"", errBadMessage, m.JSONRPC)
	}
	return &m, nil
}

// A writer writes framed messages; it may be used from several goroutines.
type writer struct {
	mu sync.Mutex
	w  io.Writer
}

func (wr *writer) write(v any) error {
	body, err := json.Marshal(v)
	if err != nil {
		return err
	}
	wr.mu.Lock()
	defer wr.mu.Unlock()
	if _, err := fmt.Fprintf(wr.w, "Content-Length: %d\r\n\r\n", len(body)); err != nil {
		return err
	}
	_, err = wr.w.Write(body)
	return err
}

type response struct {
	JSONRPC string          `json:"jsonrpc"`
	ID      json.RawMessage `json:"id"`
	Result  any             `json:"result"`
}

type errorResponse struct {
	JSONRPC string          `json:"jsonrpc"`
	ID      json.RawMessage `json:"id"`
	Error   *rpcError       `json:"error"`
}

type notification struct {
	JSONRPC string `json:"jsonrpc"`
	Method  string `json:"method"`
	Params  any    `json:"params"`
}

// reply answers the request with id by result, or by err if not nil.
func (wr *writer) reply(id json.RawMessage, result any, err *rpcError) error {
	if id == nil {
		id = json.RawMessage("null")
	}
	if err != nil {
		return wr.write(errorResponse{"2.0", id, err})
	}
	return wr.write(response{"2.0", id, result})
}

func (wr *writer) notify(method string, params any) error {
	return wr.write(notification{"2.0", method, params})
}
