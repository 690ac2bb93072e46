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
//   - vettool (with -vettool): go vet -vettool=resplint, the same way;
//   - floor+inspect (with -inspect): the floor whose no-op analyzer
//     requires inspect.Analyzer (bench/driver -noop -inspect), warm: the
//     share of resplint's cost that is the syntax index each of its
//     analyzers starts from, which x/tools builds.
//
// It reports wall time, CPU time (user+sys, children included) and peak
// resident memory (of the largest process) of each, and the ratios to the
// floor and to go vet. Run it from the repository root:
//
//	go run ./bench/run [-sizes 2,8,24] [-reps 1]
//
// With -apps, it measures real applications instead (see apps.go).
//
// With several runs it reports the least wall and CPU times and the median
// memory, and the ratio of the median CPU times too. Wall times depend on
// the machine's load; CPU times less so, but on a shared virtual machine
// they vary by a tenth or more from run to run.
package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"log"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
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
	if len(os.Args) > 2 && os.Args[1] == spawnFlag {
		spawn(os.Args[2:])
		return
	}
	sizes := flag.String("sizes", "2,8,24", "comma-separated corpus sizes, in features (9 packages and 6*handlers handlers each)")
	handlers := flag.Int("handlers", 14, "handlers per handler package")
	reps := flag.Int("reps", 1, "runs of each tool per size; the least times and the median memory are reported")
	vettool := flag.Bool("vettool", false, "also measure go vet -vettool=resplint (slow: one process per package)")
	work := flag.String("work", "", "directory for corpora and binaries (default: a temporary directory, removed)")
	withInspect := flag.Bool("inspect", false, "also measure warm runs of the floor with inspect.Analyzer, and print resplint's ratios to it")
	instructions := flag.Bool("instructions", false, "also count the instructions of warm runs of resplint and the floor under valgrind's cachegrind (GOMAXPROCS=1; slow)")
	apps := flag.String("apps", "", "comma-separated module directories of real applications to measure instead of corpora (see apps.go)")
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
	if *apps != "" {
		measureApps(strings.Split(*apps, ","), dir, resplint, floor, *reps)
		return
	}

	fmt.Printf("load average at start: %s\n", loadavg())
	fmt.Printf("%-8s %5s %6s | %-24s | %-24s | %-24s | %-24s | %-24s | %-24s | %-30s | %s\n", "size", "pkgs", "hdlrs",
		"resplint wall/cpu/rss", "floor wall/cpu/rss", "go vet wall/cpu/rss", "cold resplint", "cold floor", "vettool wall/cpu/rss",
		"resplint/floor (cpu min, median; rss)", "resplint/go vet (cpu, warm and cold)")
	var counts []string    // of instructions
	var inspected []string // with -inspect
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

		var rl, fl, rc, fc, gv, vt, il []sample
		icache := filepath.Join(dir, "cache-inspect")
		if *withInspect {
			os.RemoveAll(icache)
			measure(mod, icache, floor, "-noop", "-inspect", "./...") // fills its fact cache
		}
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
			if *withInspect {
				il = append(il, measure(mod, icache, floor, "-noop", "-inspect", "./..."))
			}
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
		if *instructions {
			// The fact caches are warm from the last runs above.
			ri := countInstructions(mod, filepath.Join(dir, "cache-resplint"), resplint, "./...")
			fi := countInstructions(mod, filepath.Join(dir, "cache-floor"), floor, "-noop", "./...")
			counts = append(counts, fmt.Sprintf("%-8s resplint %.3fG, floor %.3fG: %.3fx", fmt.Sprintf("%d feat", n), float64(ri)/1e9, float64(fi)/1e9, float64(ri)/float64(fi)))
		}
		if *withInspect {
			r, f, i := best(rl), best(fl), best(il)
			inspected = append(inspected, fmt.Sprintf("%-8s floor+inspect %s: %4.2fx the floor's cpu (min), %4.2fx its rss; resplint %4.2fx its cpu (min), %4.2fx its rss",
				fmt.Sprintf("%d feat", n), i, ratio(i.cpu, f.cpu), float64(i.rssKB)/float64(f.rssKB), ratio(r.cpu, i.cpu), float64(r.rssKB)/float64(i.rssKB)))
		}
		r, f, g, v, c, cf := best(rl), best(fl), best(gv), best(vt), best(rc), best(fc)
		fmt.Printf("%-8s %5d %6d | %-24s | %-24s | %-24s | %-24s | %-24s | %-24s | %4.2fx %4.2fx cpu %4.2fx rss | %5.2fx %5.2fx\n",
			fmt.Sprintf("%d feat", n), 9*n, n*len(corpus.Frameworks)*max(*handlers, 7),
			r, f, g, c, cf, v, ratio(r.cpu, f.cpu), ratio(medianCPU(rl), medianCPU(fl)), float64(r.rssKB)/float64(f.rssKB), ratio(r.cpu, g.cpu), ratio(c.cpu, g.cpu))
	}
	fmt.Printf("load average at end: %s\n", loadavg())
	if len(inspected) > 0 {
		fmt.Println("warm runs of the floor with inspect.Analyzer (wall/cpu/rss):")
		for _, c := range inspected {
			fmt.Println(c)
		}
	}
	if len(counts) > 0 {
		fmt.Println("instructions of warm runs (valgrind, GOMAXPROCS=1), children included:")
		for _, c := range counts {
			fmt.Println(c)
		}
	}
}

func (s sample) String() string {
	if s.wall == 0 {
		return "-"
	}
	return fmt.Sprintf("%5.1fs %5.1fs %5dMB", s.wall.Seconds(), s.cpu.Seconds(), s.rssKB/1024)
}

func ratio(a, b time.Duration) float64 { return a.Seconds() / b.Seconds() }

// best returns the least wall and CPU times of ss, and their median
// peak memory: a run's peak depends on when its last collections fell,
// more than its CPU time does on the machine's other load.
func best(ss []sample) sample {
	if len(ss) == 0 {
		return sample{}
	}
	b := ss[0]
	for _, s := range ss[1:] {
		b.wall, b.cpu = min(b.wall, s.wall), min(b.cpu, s.cpu)
	}
	rss := make([]int64, len(ss))
	for i, s := range ss {
		rss[i] = s.rssKB
	}
	slices.Sort(rss)
	b.rssKB = rss[len(rss)/2]
	return b
}

// medianCPU returns the median CPU time of ss.
func medianCPU(ss []sample) time.Duration {
	cpu := make([]time.Duration, len(ss))
	for i, s := range ss {
		cpu[i] = s.cpu
	}
	slices.Sort(cpu)
	return cpu[len(cpu)/2]
}

// measure runs a command in dir, with its fact cache in cache (none if
// empty), and returns its cost, children included. Exit status 3
// (diagnostics reported) is not a failure, nor is 1 from go vet (or, with
// someBroken, from any tool).
//
// The command is started by a copy of this program (see spawn), not by
// this process: a child started by a Go program shares its parent's
// memory until it calls exec, and Linux counts the parent's largest
// resident size so far in the child's maxrss, so a tool measured from
// here would seem to take at least as much memory as corpus generation.
func measure(dir, cache, name string, args ...string) sample {
	self, err := os.Executable()
	if err != nil {
		log.Fatal(err)
	}
	cmd := exec.Command(self, append([]string{spawnFlag, name}, args...)...)
	cmd.Dir = dir
	if cache != "" {
		cmd.Env = append(os.Environ(), "RESPLINT_CACHE="+cache)
	}
	var stdout, stderr strings.Builder
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		log.Fatalf("%s %s: %v\n%s", name, strings.Join(args, " "), err, stderr.String())
	}
	var res spawned
	if err := json.Unmarshal([]byte(stdout.String()), &res); err != nil {
		log.Fatalf("%s %s: %v", name, strings.Join(args, " "), err)
	}
	if res.Exit != 0 && !(res.Exit == 3 || res.Exit == 1 && (name == "go" || someBroken)) {
		log.Fatalf("%s %s: exit status %d\n%s", name, strings.Join(args, " "), res.Exit, stderr.String())
	}
	return sample{wall: res.Wall, cpu: res.CPU, rssKB: res.MaxRSSKB}
}

// someBroken makes measure accept exit status 1 from any tool: some
// packages of a real application may not build here (a C header missing),
// and every tool reports them and measures the rest.
var someBroken bool

// spawnFlag, as the first argument, makes this program run the command
// that follows and print what it cost (see measure).
const spawnFlag = "-spawn"

// spawned is what a spawn prints.
type spawned struct {
	Exit     int
	Wall     time.Duration
	CPU      time.Duration // user and system, the command's children included
	MaxRSSKB int64         // of the largest process among the command and its children
}

// spawn runs the command args, with its output discarded but for its
// standard error, and prints its cost as JSON.
func spawn(args []string) {
	cmd := exec.Command(args[0], args[1:]...)
	cmd.Stderr = os.Stderr
	start := time.Now()
	err := cmd.Run()
	res := spawned{Wall: time.Since(start)}
	if exit, ok := err.(*exec.ExitError); ok {
		res.Exit = exit.ExitCode()
	} else if err != nil {
		log.Fatal(err)
	}
	st := cmd.ProcessState
	res.CPU = st.UserTime() + st.SystemTime()
	res.MaxRSSKB = st.SysUsage().(*syscall.Rusage).Maxrss
	json.NewEncoder(os.Stdout).Encode(res)
}

// countInstructions runs a command in dir under cachegrind, with the
// processes it starts, and returns the instructions they executed. With
// one thread (GOMAXPROCS=1) the count hardly varies from run to run (by
// a percent or two, as the collector's pacing does), where CPU times on a
// shared machine vary by a tenth: it tells a change of a few percent.
func countInstructions(dir, cache, name string, args ...string) int64 {
	logs, err := os.MkdirTemp("", "cachegrind-")
	if err != nil {
		log.Fatal(err)
	}
	defer os.RemoveAll(logs)
	cmd := exec.Command("valgrind", append([]string{"--tool=cachegrind", "--cache-sim=no", "--trace-children=yes",
		"--cachegrind-out-file=/dev/null", "--log-file=" + filepath.Join(logs, "%p"), name}, args...)...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "RESPLINT_CACHE="+cache, "GOMAXPROCS=1", "GODEBUG=asyncpreemptoff=1")
	if err := cmd.Run(); err != nil {
		if exit, ok := err.(*exec.ExitError); !ok || exit.ExitCode() != 3 {
			log.Fatalf("valgrind %s: %v (is valgrind installed?)", name, err)
		}
	}
	files, _ := filepath.Glob(filepath.Join(logs, "*"))
	var total int64
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			log.Fatal(err)
		}
		for line := range strings.Lines(string(data)) {
			if _, count, ok := strings.Cut(line, "I   refs:"); ok {
				n, err := strconv.ParseInt(strings.ReplaceAll(strings.TrimSpace(count), ",", ""), 10, 64)
				if err != nil {
					log.Fatalf("%s: %v", f, err)
				}
				total += n
			}
		}
	}
	if total == 0 {
		log.Fatalf("valgrind %s: no instruction counts", name)
	}
	return total
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
