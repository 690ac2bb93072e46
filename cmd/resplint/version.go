package main

import (
	"fmt"
	"io"
	"runtime/debug"
)

// version returns the version of the command, from its build information
// (see versionOf).
func version() string {
	info, ok := debug.ReadBuildInfo()
	if !ok {
		return "(devel)"
	}
	return versionOf(info)
}

// versionOf returns the version of the main module of info: the version
// it was installed at (go install ...@v1.2.0), or the pseudo-version the
// go command derives from the repository it was built in. Without one,
// it is "(devel)", followed by the VCS revision if the build recorded it,
// and "+dirty" if the work tree had changes.
func versionOf(info *debug.BuildInfo) string {
	if v := info.Main.Version; v != "" && v != "(devel)" {
		return v
	}
	var revision string
	modified := false
	for _, s := range info.Settings {
		switch s.Key {
		case "vcs.revision":
			revision = s.Value
		case "vcs.modified":
			modified = s.Value == "true"
		}
	}
	v := "(devel)"
	if revision != "" {
		v += " " + revision
		if modified {
			v += "+dirty"
		}
	}
	return v
}

// printVersion implements "resplint version" and "resplint -version".
func printVersion(stdout, stderr io.Writer, args []string) int {
	if len(args) > 0 {
		fmt.Fprintln(stderr, "usage: resplint version")
		return exitUsage
	}
	fmt.Fprintf(stdout, "resplint %s\n", version())
	return exitOK
}
