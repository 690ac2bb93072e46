// Command run measures resplint against its floor and go vet on generated
// corpora of several sizes, in one run and on the same corpus per size:
//
//   - resplint: the command, all analyzers, text output, with the facts
//     of third-party packages in its cache from an earlier run (warm), and
//     with an empty cache (cold);
//   - floor: the same driver with a no-op analyzer that loads and
//     type-checks what resplint does (bench/driver -noop), warm and cold;
//   - go vet: go vet ./..., with the build cache warm for the
//     dependencies but not for the corpus (a copy of the corpus with a
//     different stamp comment, so vet cannot reuse its results);
//   - vettool (with -vettool): go vet -vettool=resplint, the same way.
//
// It reports wall time, CPU time (user+sys, children included) and peak
// resident memory of each, and the ratios to the floor and to go vet. Run
// it from the repository root:
//
//	go run ./bench/run [-sizes 2,8,24] [-reps 1]
//
// Wall times depend on the machine's load; CPU times much less so.
package main

import (
	"flag"
	"fmt"
	"log"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"time"

	"github.com/resplint/resplint/bench/corpus"
)

// A sample is the cost of one run of one tool.
type sample struct {
	wall, cpu time.Duration
	rssKB     int64
}

func main() {
	log.SetFlags(0)
	log.SetPrefix("bench: ")
	sizes := flag.String("sizes", "2,8,24", "comma-separated corpus sizes, in features (9 packages and 6*handlers handlers each)")
	handlers := flag.Int("handlers", 14, "handlers per handler package")
	reps := flag.Int("reps", 1, "runs of each tool per size; the minimum is reported")
	vettool := flag.Bool("vettool", false, "also measure go vet -vettool=resplint (slow: one process per package)")
	work := flag.String("work", "", "directory for corpora and binaries (default: a temporary directory, removed)")
	flag.Parse()

	repo, err := os.Getwd()
	if err != nil {
		log.Fatal(err)
	}
	dir := *work
	if dir == "" {
		if dir, err = os.MkdirTemp("", "resplint-bench-"); err != nil {
			log.Fatal(err)
		}
		defer os.RemoveAll(dir)
	}
	resplint := filepath.Join(dir, "resplint")
	floor := filepath.Join(dir, "floor")
	build(repo, resplint, "./cmd/resplint")
	build(repo, floor, "./bench/driver")

	fmt.Printf("load average at start: %s\n", loadavg())
	fmt.Printf("%-8s %5s %6s | %-24s | %-24s | %-24s | %-24s | %-24s | %-24s | %-21s | %s\n", "size", "pkgs", "hdlrs",
		"resplint wall/cpu/rss", "floor wall/cpu/rss", "go vet wall/cpu/rss", "cold resplint", "cold floor", "vettool wall/cpu/rss",
		"resplint/floor", "resplint/go vet (cpu, warm and cold)")
	for _, s := range strings.Split(*sizes, ",") {
		n, err := strconv.Atoi(s)
		if err != nil {
			log.Fatalf("bad size %q", s)
		}
		opts := corpus.Options{Features: n, Handlers: *handlers, Testdata: filepath.Join(repo, "testdata"), Repo: repo}
		mod := filepath.Join(dir, fmt.Sprintf("corpus%d", n))
		if _, err := corpus.Write(mod, opts); err != nil {
			log.Fatal(err)
		}
		// Warm the go command's caches (module graph, go list, compiled
		// dependencies) so that no tool pays for them alone.
		runIn(mod, "go", "build", "./...")

		var rl, fl, rc, fc, gv, vt []sample
		for rep := range *reps {
			// Cold runs start from an empty fact cache and fill it for
			// the warm ones.
			rcache, fcache := filepath.Join(dir, "cache-resplint"), filepath.Join(dir, "cache-floor")
			os.RemoveAll(rcache)
			os.RemoveAll(fcache)
			rc = append(rc, measure(mod, rcache, resplint, "./..."))
			fc = append(fc, measure(mod, fcache, floor, "-noop", "./..."))
			rl = append(rl, measure(mod, rcache, resplint, "./..."))
			fl = append(fl, measure(mod, fcache, floor, "-noop", "./..."))
			// go vet caches its results: vet a copy that differs by a
			// comment, so it analyses the corpus afresh every time.
			opts.Stamp = fmt.Sprintf("%d-%d-%d", n, rep, time.Now().UnixNano())
			vmod := mod + "-vet"
			os.RemoveAll(vmod)
			if _, err := corpus.Write(vmod, opts); err != nil {
				log.Fatal(err)
			}
			gv = append(gv, measure(vmod, "", "go", "vet", "./..."))
			if *vettool {
				opts.Stamp += "t"
				os.RemoveAll(vmod)
				if _, err := corpus.Write(vmod, opts); err != nil {
					log.Fatal(err)
				}
				vt = append(vt, measure(vmod, "", "go", "vet", "-vettool="+resplint, "./..."))
			}
		}
		r, f, g, v, c, cf := best(rl), best(fl), best(gv), best(vt), best(rc), best(fc)
		fmt.Printf("%-8s %5d %6d | %-24s | %-24s | %-24s | %-24s | %-24s | %-24s | %4.2fx cpu %4.2fx rss | %5.2fx %5.2fx\n",
			fmt.Sprintf("%d feat", n), 9*n, n*len(corpus.Frameworks)*max(*handlers, 7),
			r, f, g, c, cf, v, ratio(r.cpu, f.cpu), float64(r.rssKB)/float64(f.rssKB), ratio(r.cpu, g.cpu), ratio(c.cpu, g.cpu))
	}
	fmt.Printf("load average at end: %s\n", loadavg())
}

func (s sample) String() string {
	if s.wall == 0 {
		return "-"
	}
	return fmt.Sprintf("%5.1fs %5.1fs %5dMB", s.wall.Seconds(), s.cpu.Seconds(), s.rssKB/1024)
}

func ratio(a, b time.Duration) float64 { return a.Seconds() / b.Seconds() }

// best returns the sample with the least CPU time.
func best(ss []sample) sample {
	if len(ss) == 0 {
		return sample{}
	}
	b := ss[0]
	for _, s := range ss[1:] {
		if s.cpu < b.cpu {
			b = s
		}
	}
	return b
}

// measure runs a command in dir, with its fact cache in cache (none if
// empty), and returns its cost, children included. Exit status 3
// (diagnostics reported) is not a failure.
func measure(dir, cache, name string, args ...string) sample {
	cmd := exec.Command(name, args...)
	cmd.Dir = dir
	if cache != "" {
		cmd.Env = append(os.Environ(), "RESPLINT_CACHE="+cache)
	}
	var stderr strings.Builder
	cmd.Stderr = &stderr
	start := time.Now()
	err := cmd.Run()
	wall := time.Since(start)
	if exit, ok := err.(*exec.ExitError); err != nil && !(ok && exit.ExitCode() == 3 || ok && name == "go" && exit.ExitCode() == 1) {
		log.Fatalf("%s %s: %v\n%s", name, strings.Join(args, " "), err, stderr.String())
	}
	st := cmd.ProcessState
	ru := st.SysUsage().(*syscall.Rusage)
	return sample{wall: wall, cpu: st.UserTime() + st.SystemTime(), rssKB: ru.Maxrss}
}

func build(repo, out, pkg string) {
	runIn(repo, "go", "build", "-o", out, pkg)
}

func runIn(dir, name string, args ...string) {
	cmd := exec.Command(name, args...)
	cmd.Dir = dir
	if out, err := cmd.CombinedOutput(); err != nil {
		log.Fatalf("%s %s: %v\n%s", name, strings.Join(args, " "), err, out)
	}
}

func loadavg() string {
	b, err := os.ReadFile("/proc/loadavg")
	if err != nil {
		return "unknown"
	}
	return strings.Join(strings.Fields(string(b))[:3], " ")
}
