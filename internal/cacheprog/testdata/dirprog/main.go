// Command dirprog is a cache program for tests (GOCACHEPROG, or
// RESPLINT_CACHEPROG): it keeps what it is given in the directory
// $DIRPROG_DIR, and when it exits appends a line "gets N hits N puts N"
// to the file stats there. With DIRPROG_EXIT_AFTER=n it exits, with
// status 1 and without a word, after answering n gets and puts.
package main

import (
	"bufio"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"log"
	"os"
	"path/filepath"
	"strconv"
)

type request struct {
	ID       int64
	Command  string
	ActionID []byte
	OutputID []byte
	BodySize int64
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

// An action file holds what was put under an action ID.
type action struct {
	OutputID []byte
	Size     int64
}

func main() {
	log.SetFlags(0)
	log.SetPrefix("dirprog: ")
	dir := os.Getenv("DIRPROG_DIR")
	if !filepath.IsAbs(dir) {
		log.Fatal("DIRPROG_DIR is not an absolute path")
	}
	exitAfter, _ := strconv.Atoi(os.Getenv("DIRPROG_EXIT_AFTER"))
	var gets, hits, puts int
	defer func() {
		f, err := os.OpenFile(filepath.Join(dir, "stats"), os.O_APPEND|os.O_CREATE|os.O_WRONLY, 0o666)
		if err != nil {
			log.Fatal(err)
		}
		fmt.Fprintf(f, "gets %d hits %d puts %d\n", gets, hits, puts)
		f.Close()
	}()

	out := json.NewEncoder(os.Stdout)
	out.Encode(response{KnownCommands: []string{"get", "put", "close"}})
	in := json.NewDecoder(bufio.NewReader(os.Stdin))
	for {
		var req request
		if err := in.Decode(&req); err != nil {
			return // the input was closed
		}
		if exitAfter > 0 && gets+puts == exitAfter {
			os.Exit(1)
		}
		res := response{ID: req.ID}
		actionFile := filepath.Join(dir, "a-"+hex.EncodeToString(req.ActionID))
		switch req.Command {
		case "get":
			gets++
			var a action
			data, err := os.ReadFile(actionFile)
			if err == nil && json.Unmarshal(data, &a) == nil {
				hits++
				res.OutputID, res.Size = a.OutputID, a.Size
				res.DiskPath = filepath.Join(dir, "o-"+hex.EncodeToString(a.OutputID))
			} else {
				res.Miss = true
			}
		case "put":
			puts++
			var body []byte
			if req.BodySize > 0 {
				if err := in.Decode(&body); err != nil { // base64, as []byte is in JSON
					log.Fatal(err)
				}
			}
			res.DiskPath = filepath.Join(dir, "o-"+hex.EncodeToString(req.OutputID))
			data, _ := json.Marshal(action{req.OutputID, int64(len(body))})
			if err := write(res.DiskPath, body); err != nil {
				res.Err = err.Error()
			} else if err := write(actionFile, data); err != nil {
				res.Err = err.Error()
			}
		case "close":
			out.Encode(res)
			return
		default:
			res.Err = "unknown command " + req.Command
		}
		out.Encode(res)
	}
}

// write writes a file whole, so that a reader in another process never
// sees part of it.
func write(name string, data []byte) error {
	tmp := fmt.Sprintf("%s.%d", name, os.Getpid())
	if err := os.WriteFile(tmp, data, 0o666); err != nil {
		return err
	}
	return os.Rename(tmp, name)
}
