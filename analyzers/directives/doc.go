// Package directives defines an Analyzer that reports malformed
// //resplint:ignore directives.
//
// # Analyzer directives
//
// directives: report //resplint:ignore directives that lack a reason or name unknown analyzers
//
// A comment
//
//	//resplint:ignore NAME[,NAME] reason
//
// at the end of the line of a diagnostic, or on a line of its own just
// above it, suppresses the diagnostics of the analyzers so named there. The reason is required, so
// that whoever reads the code later knows why the finding does not apply.
//
// This analyzer reports each directive that suppresses less than its
// author meant, once: a directive without a reason (it suppresses
// nothing), names that are not resplint analyzers (they suppress nothing),
// and comments that are not directives although they look meant to be
// ("// resplint:ignore" with a space, "//resplint:ignore" with no names,
// "//resplint:" with another word). Its own reports cannot be suppressed.
//
// Categories: reason, unknown, syntax.
package directives
