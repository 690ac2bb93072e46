//go:build linux

package httpsafe_test

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/resplint/resplint/httpsafe"
)

// chromiumPath is where Debian's chromium package installs its launcher.
const chromiumPath = "/usr/bin/chromium"

// requireBrowserEnv, when set to 1, turns the skip for a missing Chromium
// into a failure, so that a CI run cannot pass without the browser check.
const requireBrowserEnv = "HTTPSAFE_REQUIRE_BROWSER"

// TestBrowserDownload serves downloads through httpsafe.Attachment and has
// a real headless Chromium save them, then checks the names of the saved
// files.
//
// What Chromium does with a Content-Disposition file name (observed with
// Debian's Chromium 156 on Linux, and what its download code has long done):
// it takes the name from filename* when there is one (RFC 6266 section
// 4.3), so the ASCII fallback never shows; then, to get a name that is legal
// on every platform, it replaces '"', '*', ':', '<', '>', '?', '|', path
// separators, and control and format characters (Unicode categories Cc and
// Cf, e.g. U+200D ZERO WIDTH JOINER and U+00AD SOFT HYPHEN) by '_', and
// strips leading and trailing dots and white space. It does not do this
// because Linux forbids those characters (Linux forbids only '/' and NUL)
// but so that a name means the same everywhere. So `résumé "final".csv`,
// whose filename* carries the quotes intact, is saved as `résumé _final_.csv`.
//
// The test drives Chromium with the DevTools protocol over
// --remote-debugging-pipe: each message is JSON followed by a NUL byte,
// written to the browser's file descriptor 3 and read from its descriptor
// 4. That needs no websocket client and no dependency.
//
// Run it alone with:
//
//	HTTPSAFE_REQUIRE_BROWSER=1 go test -run '^TestBrowserDownload$' -v ./httpsafe/
func TestBrowserDownload(t *testing.T) {
	if _, err := os.Stat(chromiumPath); err != nil {
		msg := "headless Chromium not found at " + chromiumPath + "; install it with: apt-get install -y chromium"
		if os.Getenv(requireBrowserEnv) == "1" {
			t.Fatal(msg)
		}
		t.Skip(msg)
	}
	if testing.Short() {
		t.Skip("the browser check does not run in -short mode")
	}

	cases := []struct {
		filename string // passed to httpsafe.Attachment
		want     string // name of the file Chromium saves
	}{
		// The case from the issue: non-ASCII and double quotes. filename*
		// keeps the quotes, Chromium turns them into '_'.
		{`résumé "final".csv`, `résumé _final_.csv`},
		// Characters Windows forbids reach Chromium intact through
		// filename* and are replaced by Chromium, except '~'.
		{`a:b*c?d<e>f|g~h.csv`, `a_b_c_d_e_f_g~h.csv`},
		// httpsafe turns the separators into '_' (".._.._etc_passwd");
		// Chromium then strips the leading dot.
		{"../../etc/passwd", "_.._etc_passwd"},
		// CR LF cannot inject a header: httpsafe turns them into '_'.
		{"report\r\nX-Evil: 1.txt", "report__X-Evil_ 1.txt"},
		// "%25" and an RFC 2047 look-alike are not decoded a second time.
		{"100%25 sure=?utf-8?q?x?=.txt", "100%25 sure=_utf-8_q_x_=.txt"},
		// Non-Latin script, exact.
		{"日本語のファイル.txt", "日本語のファイル.txt"},
		// httpsafe removes the invisible format characters (which
		// Chromium would replace) and the white space, and keeps the
		// leading dot; Chromium strips the dot.
		{"  .hidden\u200dname\u00ad.txt\n", "hiddenname.txt"},
		// Look-alikes of the path separators become '_' in httpsafe.
		{"a\uFF0Fb\u2215c\uFF3Cd.csv", "a_b_c_d.csv"},
		// No name: the header is a bare "attachment" and Chromium names the
		// file after the URL's last segment (the case index, 8 here) and the
		// Content-Type.
		{"", "8.csv"},
	}
	const body = "name,score\nada,10\n"

	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	srv := &http.Server{
		Handler: http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			var i int
			if _, err := fmt.Sscanf(r.URL.Path, "/download/%d", &i); err != nil || i < 0 || i >= len(cases) {
				http.NotFound(w, r)
				return
			}
			httpsafe.Attachment(w, cases[i].filename)
			httpsafe.NoStore(w)
			w.Header().Set("Content-Type", "text/csv; charset=utf-8")
			io.WriteString(w, body)
		}),
		ReadHeaderTimeout: 10 * time.Second,
	}
	go srv.Serve(ln)
	t.Cleanup(func() { srv.Close() })

	ctx, cancel := context.WithTimeout(context.Background(), 90*time.Second)
	defer cancel()
	b := startChromium(t)

	for i, tc := range cases {
		downloads := t.TempDir()
		if _, err := b.call(ctx, "Browser.setDownloadBehavior", map[string]any{
			"behavior":      "allow",
			"downloadPath":  downloads,
			"eventsEnabled": true,
		}); err != nil {
			t.Fatalf("%v\nChromium output:\n%s", err, b.output())
		}
		url := fmt.Sprintf("http://%s/download/%d", ln.Addr(), i)
		if _, err := b.call(ctx, "Target.createTarget", map[string]any{"url": url}); err != nil {
			t.Fatalf("%v\nChromium output:\n%s", err, b.output())
		}
		// Chromium closes by itself a tab that was opened only for a download.
		suggested := b.waitDownload(ctx, t)

		entries, err := os.ReadDir(downloads)
		if err != nil {
			t.Fatal(err)
		}
		var names []string
		for _, e := range entries {
			names = append(names, e.Name())
		}
		header := httpsafe.ContentDisposition("attachment", tc.filename)
		if len(names) != 1 || names[0] != tc.want || suggested != tc.want {
			t.Errorf("Attachment(%q)\nheader:    %s\nsuggested: %q\nsaved:     %q\nwant:      %q",
				tc.filename, header, suggested, names, tc.want)
			continue
		}
		got, err := os.ReadFile(filepath.Join(downloads, names[0]))
		if err != nil {
			t.Fatal(err)
		}
		if string(got) != body {
			t.Errorf("Attachment(%q): saved content = %q, want %q", tc.filename, got, body)
		}
	}
}

// browser is a minimal DevTools protocol client for Chromium's
// --remote-debugging-pipe.
type browser struct {
	toBrowser *os.File // our end of the browser's fd 3
	msgs      chan cdpMessage
	errc      chan error
	nextID    int
	queued    []cdpMessage // events read while waiting for a reply

	mu  sync.Mutex
	out bytes.Buffer // Chromium's stdout and stderr, for failure messages
}

type cdpMessage struct {
	ID     int             `json:"id"`
	Method string          `json:"method"`
	Params json.RawMessage `json:"params"`
	Result json.RawMessage `json:"result"`
	Error  *struct {
		Code    int    `json:"code"`
		Message string `json:"message"`
	} `json:"error"`
}

// startChromium starts headless Chromium in a fresh profile and process
// group; the test's cleanup closes it, or kills the group if it does not
// exit within 10 seconds.
func startChromium(t *testing.T) *browser {
	t.Helper()
	cmdR, cmdW, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	replyR, replyW, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	home := t.TempDir()
	cmd := exec.Command(chromiumPath,
		"--headless",
		"--no-sandbox",
		"--disable-gpu",
		"--disable-quic",
		"--no-first-run",
		"--disable-background-networking",
		"--disable-component-update",
		"--disable-sync",
		"--user-data-dir="+filepath.Join(home, "profile"),
		"--remote-debugging-pipe",
		"about:blank",
	)
	cmd.Env = append(os.Environ(), "HOME="+home)
	cmd.ExtraFiles = []*os.File{cmdR, replyW} // fd 3 and fd 4
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
	b := &browser{toBrowser: cmdW, msgs: make(chan cdpMessage, 64), errc: make(chan error, 1)}
	cmd.Stdout = (*browserOutput)(b)
	cmd.Stderr = (*browserOutput)(b)
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	cmdR.Close()
	replyW.Close()

	go func() {
		r := bufio.NewReader(replyR)
		for {
			raw, err := r.ReadBytes(0)
			if err != nil {
				b.errc <- fmt.Errorf("reading from Chromium: %w", err)
				return
			}
			var m cdpMessage
			if err := json.Unmarshal(raw[:len(raw)-1], &m); err != nil {
				b.errc <- fmt.Errorf("bad message from Chromium: %w", err)
				return
			}
			b.msgs <- m
		}
	}()

	t.Cleanup(func() {
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		b.call(ctx, "Browser.close", nil)
		done := make(chan struct{})
		go func() {
			cmd.Wait()
			close(done)
		}()
		pgid := cmd.Process.Pid
		select {
		case <-done:
		case <-time.After(10 * time.Second):
			t.Log("Chromium did not exit after Browser.close; killing it")
			syscall.Kill(-pgid, syscall.SIGKILL)
			<-done
		}
		// Helpers Chromium started (crash handler, zygotes) stay in its
		// process group; give them a moment to exit, then kill the rest.
		for deadline := time.Now().Add(5 * time.Second); syscall.Kill(-pgid, 0) == nil; {
			if time.Now().After(deadline) {
				syscall.Kill(-pgid, syscall.SIGKILL)
				break
			}
			time.Sleep(50 * time.Millisecond)
		}
		// Chromium's crash handlers leave the group (they start their own
		// session) but name the profile directory on their command line;
		// wait for them too, so that removing the directory cannot race
		// with them.
		for deadline := time.Now().Add(5 * time.Second); ; {
			pids := processesMentioning(home)
			if len(pids) == 0 {
				break
			}
			if time.Now().After(deadline) {
				for _, pid := range pids {
					syscall.Kill(pid, syscall.SIGKILL)
				}
				break
			}
			time.Sleep(50 * time.Millisecond)
		}
		cmdW.Close()
		replyR.Close()
	})
	return b
}

// processesMentioning returns the processes whose command line contains
// dir, a directory this test created.
func processesMentioning(dir string) []int {
	entries, _ := os.ReadDir("/proc")
	var pids []int
	for _, e := range entries {
		var pid int
		if _, err := fmt.Sscanf(e.Name(), "%d", &pid); err != nil || pid == os.Getpid() {
			continue
		}
		cmdline, err := os.ReadFile(filepath.Join("/proc", e.Name(), "cmdline"))
		if err == nil && bytes.Contains(cmdline, []byte(dir)) {
			pids = append(pids, pid)
		}
	}
	return pids
}

type browserOutput browser

func (o *browserOutput) Write(p []byte) (int, error) {
	o.mu.Lock()
	defer o.mu.Unlock()
	if o.out.Len() < 64<<10 {
		o.out.Write(p)
	}
	return len(p), nil
}

func (b *browser) output() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.out.String()
}

func (b *browser) read(ctx context.Context) (cdpMessage, error) {
	select {
	case m := <-b.msgs:
		return m, nil
	case err := <-b.errc:
		b.errc <- err // keep reporting it
		return cdpMessage{}, err
	case <-ctx.Done():
		return cdpMessage{}, ctx.Err()
	}
}

// call sends a command to the browser target and waits for its reply.
func (b *browser) call(ctx context.Context, method string, params any) (json.RawMessage, error) {
	b.nextID++
	id := b.nextID
	msg, err := json.Marshal(map[string]any{"id": id, "method": method, "params": params})
	if err != nil {
		return nil, err
	}
	if _, err := b.toBrowser.Write(append(msg, 0)); err != nil {
		return nil, fmt.Errorf("%s: %w", method, err)
	}
	for {
		m, err := b.read(ctx)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", method, err)
		}
		if m.ID == 0 {
			b.queued = append(b.queued, m)
			continue
		}
		if m.ID != id {
			continue
		}
		if m.Error != nil {
			return nil, fmt.Errorf("%s: %s (%d)", method, m.Error.Message, m.Error.Code)
		}
		return m.Result, nil
	}
}

// event returns the next event.
func (b *browser) event(ctx context.Context) (cdpMessage, error) {
	if len(b.queued) > 0 {
		m := b.queued[0]
		b.queued = b.queued[1:]
		return m, nil
	}
	for {
		m, err := b.read(ctx)
		if err != nil {
			return cdpMessage{}, err
		}
		if m.ID == 0 {
			return m, nil
		}
	}
}

// waitDownload waits until the download that is starting has completed and
// returns the file name Chromium suggested for it.
func (b *browser) waitDownload(ctx context.Context, t *testing.T) (suggested string) {
	t.Helper()
	guid := ""
	for {
		ev, err := b.event(ctx)
		if err != nil {
			t.Fatalf("waiting for the download: %v\nChromium output:\n%s", err, b.output())
		}
		var p struct {
			GUID              string `json:"guid"`
			SuggestedFilename string `json:"suggestedFilename"`
			State             string `json:"state"`
		}
		switch ev.Method {
		case "Browser.downloadWillBegin":
			if err := json.Unmarshal(ev.Params, &p); err != nil {
				t.Fatal(err)
			}
			guid, suggested = p.GUID, p.SuggestedFilename
		case "Browser.downloadProgress":
			if err := json.Unmarshal(ev.Params, &p); err != nil {
				t.Fatal(err)
			}
			if guid == "" || p.GUID != guid {
				continue
			}
			switch p.State {
			case "completed":
				return suggested
			case "canceled":
				t.Fatalf("Chromium canceled the download\nChromium output:\n%s", b.output())
			}
		}
	}
}
