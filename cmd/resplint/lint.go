package main

import (
	"fmt"
	"io"
	"os"

	"github.com/resplint/resplint/analyzers"
	"github.com/resplint/resplint/internal/driver"
)

// lint runs the selected analyzers on the packages named by opts.args and
// reports or fixes what they find. It returns the exit status.
func lint(opts *options, stdout, stderr io.Writer) int {
	cwd, err := os.Getwd()
	if err != nil {
		cwd = "" // print absolute paths
	}
	driver.BatchGC()
	res, err := driver.Analyze(opts.analyzers, opts.args, driver.Config{
		Tests:      opts.tests,
		BuildFlags: opts.buildFlags(),
		Sources:    analyzers.Sources(),
		// Text shows neither fixes nor related information.
		MessagesOnly: opts.mode == outputText,
		Warnings:     stderr,
	})
	if err != nil {
		fmt.Fprintf(stderr, "resplint: %v\n", err)
		return exitError
	}

	var problems []string
	for _, b := range res.Broken {
		problems = append(problems, b.Message(cwd))
	}
	for _, err := range res.Errors() {
		problems = append(problems, err.Error())
	}

	diags := res.Diagnostics()
	printed := &countingWriter{w: stdout} // for -diff, which prints only changes
	var outErr error
	switch opts.mode {
	case outputText:
		outErr = driver.WriteText(stderr, diags, cwd)
	case outputJSON:
		outErr = res.WriteJSON(stdout)
	case outputSARIF:
		outErr = driver.WriteSARIF(stdout, diags, driver.SARIFConfig{
			Analyzers:  opts.analyzers,
			Categories: analyzers.Categories,
			Root:       driver.FindRoot(cwd),
			Version:    version(),
			Problems:   problems,
		})
	case outputFix, outputDiff:
		var diff io.Writer
		if opts.mode == outputDiff {
			diff = printed
		}
		for _, err := range res.ApplyFixes(diags, diff, cwd) {
			problems = append(problems, err.Error())
		}
	}
	if outErr != nil {
		problems = append(problems, outErr.Error())
	}

	for _, p := range problems {
		fmt.Fprintf(stderr, "resplint: %s\n", p)
	}
	switch {
	case len(problems) > 0:
		return exitError
	case opts.mode == outputText && len(diags) > 0:
		return exitFindings
	case opts.mode == outputDiff && printed.n > 0:
		// A change to make fails the run, so that -diff can gate CI.
		return exitFindings
	}
	return exitOK
}

// A countingWriter counts the bytes written through it.
type countingWriter struct {
	w io.Writer
	n int64
}

func (c *countingWriter) Write(p []byte) (int, error) {
	n, err := c.w.Write(p)
	c.n += int64(n)
	return n, err
}
