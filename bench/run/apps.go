package main

import (
	"encoding/json"
	"fmt"
	"log"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"time"
)

// measureApps measures, per module directory of a real application,
// with the build cache warmed by go list -export ./... (the dependencies'
// export data, as a CI job that built the module has it):
//
//   - resplint ./..., with an empty fact cache (cold) and with the cache
//     that run filled (warm);
//   - the floor with the inspector (bench/driver -noop -inspect ./...),
//     cold and warm the same way;
//   - go vet ./..., with the dependencies vetted in the build cache by an
//     unmeasured run, and the module's own packages vetted afresh: an
//     overlay (-overlay) appends a comment to one file of each package,
//     since go vet caches its results and the directory may be read-only.
//
// It prints CPU time and peak memory (of the largest process, for go vet
// the largest of the compilers and vet processes it starts) of each, with
// the least CPU time and the median memory of reps runs. A package that
// does not build is reported by every tool (exit status 1), which
// measures the others.
func measureApps(dirs []string, work, resplint, floor string, reps int) {
	someBroken = true
	fmt.Printf("load average at start: %s\n", loadavg())
	fmt.Printf("%5s | %-15s | %-15s | %-15s | %-15s | %-15s | %-22s | %-22s | %s\n", "pkgs",
		"resplint cold", "resplint warm", "floor+insp cold", "floor+insp warm", "go vet",
		"resplint/go vet cold", "resplint/(floor+insp) warm", "module")
	for i, arg := range dirs {
		dir, err := filepath.Abs(arg)
		if err != nil {
			log.Fatal(err)
		}
		pkgs := listExport(dir)
		measure(dir, "", "go", "vet", "./...") // vets the dependencies, for every later run
		var rc, rw, fc, fw, gv []sample
		for rep := range reps {
			rcache := filepath.Join(work, fmt.Sprintf("cache-app%d-resplint", i))
			fcache := filepath.Join(work, fmt.Sprintf("cache-app%d-floor", i))
			os.RemoveAll(rcache)
			os.RemoveAll(fcache)
			rc = append(rc, measure(dir, rcache, resplint, "./..."))
			rw = append(rw, measure(dir, rcache, resplint, "./..."))
			fc = append(fc, measure(dir, fcache, floor, "-noop", "-inspect", "./..."))
			fw = append(fw, measure(dir, fcache, floor, "-noop", "-inspect", "./..."))
			stamp := fmt.Sprintf("%d-%d", rep, time.Now().UnixNano())
			overlay := stampOverlay(pkgs, filepath.Join(work, fmt.Sprintf("overlay-app%d", i)), stamp)
			gv = append(gv, measure(dir, "", "go", "vet", "-overlay="+overlay, "./..."))
		}
		c, w, f, fwb, g := best(rc), best(rw), best(fc), best(fw), best(gv)
		fmt.Printf("%5d | %-15s | %-15s | %-15s | %-15s | %-15s | %4.2fx cpu %4.2fx rss | %4.2fx cpu %4.2fx rss | %s\n",
			len(pkgs), c.short(), w.short(), f.short(), fwb.short(), g.short(),
			ratio(c.cpu, g.cpu), float64(c.rssKB)/float64(g.rssKB), ratio(w.cpu, fwb.cpu), float64(w.rssKB)/float64(fwb.rssKB), arg)
	}
	fmt.Printf("load average at end: %s\n", loadavg())
}

// short prints the CPU time and peak memory of s.
func (s sample) short() string {
	return fmt.Sprintf("%5.1fs %5dMB", s.cpu.Seconds(), s.rssKB/1024)
}

// listedPackage is what listExport reads of a package.
type listedPackage struct {
	Dir               string
	GoFiles, CgoFiles []string
}

// listExport warms the build cache with the export data of the packages
// of the module in dir and their dependencies, and returns the module's
// packages. A package that does not build (a missing C header, say) is
// left to each tool to report.
func listExport(dir string) []listedPackage {
	cmd := exec.Command("go", "list", "-e", "-export", "-json=Dir,GoFiles,CgoFiles", "./...")
	cmd.Dir = dir
	cmd.Stderr = os.Stderr
	out, err := cmd.Output()
	if err != nil {
		log.Fatalf("go list in %s: %v", dir, err)
	}
	var pkgs []listedPackage
	dec := json.NewDecoder(strings.NewReader(string(out)))
	for dec.More() {
		var p listedPackage
		if err := dec.Decode(&p); err != nil {
			log.Fatalf("go list in %s: %v", dir, err)
		}
		pkgs = append(pkgs, p)
	}
	return pkgs
}

// stampOverlay writes, in dir, a copy of one file of each package with a
// comment holding stamp appended, and an overlay file (go build -overlay)
// that puts them in place of the originals; it returns the overlay's
// name. The comment changes each package's build ID and so go vet's
// cache key, and nothing else.
func stampOverlay(pkgs []listedPackage, dir, stamp string) string {
	os.RemoveAll(dir)
	if err := os.MkdirAll(dir, 0o777); err != nil {
		log.Fatal(err)
	}
	replace := make(map[string]string)
	for i, p := range pkgs {
		files := slices.Concat(p.GoFiles, p.CgoFiles)
		if len(files) == 0 {
			continue
		}
		orig := filepath.Join(p.Dir, files[0])
		src, err := os.ReadFile(orig)
		if err != nil {
			log.Fatal(err)
		}
		stamped := filepath.Join(dir, fmt.Sprintf("%d.go", i))
		if err := os.WriteFile(stamped, fmt.Appendf(src, "\n// bench stamp %s\n", stamp), 0o666); err != nil {
			log.Fatal(err)
		}
		replace[orig] = stamped
	}
	data, err := json.Marshal(map[string]any{"Replace": replace})
	if err != nil {
		log.Fatal(err)
	}
	name := filepath.Join(dir, "overlay.json")
	if err := os.WriteFile(name, data, 0o666); err != nil {
		log.Fatal(err)
	}
	return name
}
