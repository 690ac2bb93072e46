package main

import "strings"

// invokedByGoCommand reports whether args follow the protocol by which the
// go command (Go 1.26) drives an analysis tool given as go vet -vettool or
// go fix -fixtool, which unitchecker.Main implements:
//
//   - "-flags": print the tool's flags as JSON; the go command accepts
//     these flags and passes them on (go vet and go fix run it first);
//   - "-V=full": print the tool's version and build ID, for the build
//     cache;
//   - [flags...] unit.cfg: analyse the one package described by the JSON
//     file unit.cfg. go vet adds -json and prints the diagnostics itself;
//     go fix and go vet -fix add -fix (and -diff), and the cfg names a zip
//     archive to which the tool writes the fixed files, which the go
//     command writes back once every package has been analysed.
//     Dependencies are run with VetxOnly set, for their facts only.
func invokedByGoCommand(args []string) bool {
	if len(args) > 0 && strings.HasSuffix(args[len(args)-1], ".cfg") {
		return true
	}
	for _, arg := range args {
		if !strings.HasPrefix(arg, "-") {
			continue
		}
		switch strings.TrimLeft(arg, "-") {
		case "flags", "V", "V=full":
			return true
		}
	}
	return false
}
