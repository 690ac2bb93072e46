// Package cacheprog is a client of a cache program: the child process
// that keeps the go command's build cache when GOCACHEPROG names it
// (Go 1.24 and later), as defined by the go command's source at
// src/cmd/go/internal/cacheprog/cacheprog.go. Teams share one such
// cache among CI machines; resplint keeps its facts there too, so that a
// machine that never ran it starts with them.
//
// The protocol: the program writes a response with ID 0 listing the
// commands it knows (KnownCommands), then answers each request, one JSON
// object a line on its standard input, with a response carrying the
// request's ID. A "put" request with BodySize > 0 is followed by the body
// as a base64 JSON string on a line of its own; the program stores it
// under ActionID with OutputID and answers with DiskPath, a local file
// holding the body. A "get" answers Miss, or the OutputID, Size and
// DiskPath of what was put. "close" asks it to exit.
package cacheprog

import (
	"bufio"
	"crypto/sha256"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"strings"
	"sync"
	"time"
)

// A Client talks to one cache program. Its methods may be called from
// several goroutines; requests are answered in any order.
type Client struct {
	cmd   *exec.Cmd
	stdin io.WriteCloser
	known map[string]bool
	done  chan struct{} // closed when the program's output ends

	writeMu sync.Mutex // serialises requests on stdin
	bw      *bufio.Writer

	mu      sync.Mutex
	nextID  int64
	pending map[int64]chan *response
	err     error // why the program stopped answering, once it did
}

// request and response are the protocol's messages (the go command's
// cacheprog.Request and cacheprog.Response).
type request struct {
	ID       int64
	Command  string
	ActionID []byte `json:",omitempty"`
	OutputID []byte `json:",omitempty"`
	BodySize int64  `json:",omitempty"`
}

type response struct {
	ID            int64
	Err           string   `json:",omitempty"`
	KnownCommands []string `json:",omitempty"`
	Miss          bool     `json:",omitempty"`
	OutputID      []byte   `json:",omitempty"`
	Size          int64    `json:",omitempty"`
	DiskPath      string   `json:",omitempty"`
}

// startTimeout bounds the wait for the program's first message, which
// the protocol expects at once.
const startTimeout = 10 * time.Second

// Start starts the cache program named by command, a program and its
// arguments separated by spaces (quoted with ' or " if they hold
// spaces), as the go command reads GOCACHEPROG, and waits for it to say
// what it can do. Its standard error is resplint's.
func Start(command string) (*Client, error) {
	args, err := split(command)
	if err != nil {
		return nil, err
	}
	if len(args) == 0 {
		return nil, errors.New("no program named")
	}
	cmd := exec.Command(args[0], args[1:]...)
	cmd.Stderr = os.Stderr
	stdin, err := cmd.StdinPipe()
	if err != nil {
		return nil, err
	}
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		return nil, err
	}
	if err := cmd.Start(); err != nil {
		return nil, err
	}
	c := &Client{
		cmd:     cmd,
		stdin:   stdin,
		bw:      bufio.NewWriter(stdin),
		done:    make(chan struct{}),
		pending: make(map[int64]chan *response),
	}
	first := make(chan *response, 1)
	c.pending[0] = first
	go c.readLoop(stdout)
	select {
	case res := <-first:
		if res == nil {
			c.Close()
			return nil, c.failure()
		}
		c.known = make(map[string]bool)
		for _, cmd := range res.KnownCommands {
			c.known[cmd] = true
		}
		if !c.known["get"] && !c.known["put"] {
			c.Close()
			return nil, fmt.Errorf("it knows neither get nor put (it knows %q)", res.KnownCommands)
		}
		return c, nil
	case <-time.After(startTimeout):
		c.Close()
		return nil, fmt.Errorf("it did not say what it can do within %v", startTimeout)
	}
}

// readLoop hands each response to the request waiting for it, until the
// program's output ends or is not the protocol.
func (c *Client) readLoop(stdout io.Reader) {
	dec := json.NewDecoder(stdout)
	var err error
	for {
		res := new(response)
		if err = dec.Decode(res); err != nil {
			break
		}
		c.mu.Lock()
		ch, ok := c.pending[res.ID]
		delete(c.pending, res.ID)
		c.mu.Unlock()
		if !ok {
			err = fmt.Errorf("it answered request %d, which was not asked", res.ID)
			break
		}
		ch <- res
	}
	if err == io.EOF {
		err = errors.New("it exited")
	}
	c.mu.Lock()
	c.err = err
	for _, ch := range c.pending {
		close(ch)
	}
	c.pending = nil
	c.mu.Unlock()
	close(c.done)
}

// failure returns why the program stopped answering.
func (c *Client) failure() error {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.err == nil {
		return errors.New("it stopped answering")
	}
	return c.err
}

// send sends req, followed by body if it has one, and waits for the answer.
func (c *Client) send(req *request, body []byte) (*response, error) {
	ch := make(chan *response, 1)
	c.mu.Lock()
	if c.pending == nil {
		c.mu.Unlock()
		return nil, c.failure()
	}
	c.nextID++
	req.ID = c.nextID
	c.pending[req.ID] = ch
	c.mu.Unlock()

	if err := c.write(req, body); err != nil {
		c.mu.Lock()
		if c.pending != nil {
			delete(c.pending, req.ID)
		}
		c.mu.Unlock()
		return nil, err
	}
	res := <-ch
	if res == nil {
		return nil, c.failure()
	}
	if res.Err != "" {
		return nil, fmt.Errorf("%s: %s", req.Command, res.Err)
	}
	return res, nil
}

func (c *Client) write(req *request, body []byte) error {
	c.writeMu.Lock()
	defer c.writeMu.Unlock()
	data, err := json.Marshal(req)
	if err != nil {
		return err
	}
	c.bw.Write(data)
	c.bw.WriteByte('\n')
	if req.BodySize > 0 {
		c.bw.WriteByte('"')
		enc := base64.NewEncoder(base64.StdEncoding, c.bw)
		enc.Write(body)
		enc.Close()
		c.bw.WriteString("\"\n")
	}
	return c.bw.Flush() // reports the first error of the writes above
}

// Get returns the content stored under id, or ok false if there is none
// or the program cannot get. An error means the program failed.
func (c *Client) Get(id [sha256.Size]byte) (data []byte, ok bool, err error) {
	if !c.known["get"] {
		return nil, false, nil
	}
	res, err := c.send(&request{Command: "get", ActionID: id[:]}, nil)
	if err != nil || res.Miss {
		return nil, false, err
	}
	if res.DiskPath == "" {
		return nil, false, errors.New("get: a hit without DiskPath")
	}
	data, err = os.ReadFile(res.DiskPath)
	if err != nil {
		return nil, false, fmt.Errorf("get: %v", err)
	}
	// A file that is not what was put (cut short, or replaced) is a miss.
	if sum := sha256.Sum256(data); string(sum[:]) != string(res.OutputID) {
		return nil, false, nil
	}
	return data, true, nil
}

// Put stores data under id, with its SHA-256 as its output ID, as the
// go command does. It does nothing if the program cannot put.
func (c *Client) Put(id [sha256.Size]byte, data []byte) error {
	if !c.known["put"] {
		return nil
	}
	out := sha256.Sum256(data)
	res, err := c.send(&request{Command: "put", ActionID: id[:], OutputID: out[:], BodySize: int64(len(data))}, data)
	if err == nil && res.DiskPath == "" {
		err = errors.New("put: no DiskPath in the answer")
	}
	return err
}

// closeTimeout bounds the wait for the program to exit once asked to.
const closeTimeout = 5 * time.Second

// Close asks the program to exit, closes its input and waits for it; one
// that does not exit in time is killed.
func (c *Client) Close() error {
	var err error
	if c.known["close"] {
		if _, err = c.send(&request{Command: "close"}, nil); err != nil {
			err = fmt.Errorf("close: %v", err)
		}
	}
	c.stdin.Close()
	select {
	case <-c.done:
	case <-time.After(closeTimeout):
		c.cmd.Process.Kill()
	}
	c.cmd.Wait()
	return err
}

// split splits a command line at spaces, but not within single or
// double quotes, which are removed.
func split(s string) ([]string, error) {
	var args []string
	var arg strings.Builder
	in, quote := false, rune(0)
	for _, r := range s {
		switch {
		case quote != 0 && r == quote:
			quote = 0
		case quote != 0:
			arg.WriteRune(r)
		case r == '\'' || r == '"':
			quote, in = r, true
		case r == ' ' || r == '\t' || r == '\n':
			if in {
				args = append(args, arg.String())
				arg.Reset()
				in = false
			}
		default:
			arg.WriteRune(r)
			in = true
		}
	}
	if quote != 0 {
		return nil, fmt.Errorf("unterminated %c in %q", quote, s)
	}
	if in {
		args = append(args, arg.String())
	}
	return args, nil
}
