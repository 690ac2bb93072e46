// Package respmodel is resplint's shared response model.
//
// It turns the calls that build an HTTP response, in every framework
// package httpfw describes, into framework-neutral events (set header, set
// cookie, write status, write body, redirect, error, read identity) per
// function, in source order. The checks are small rules over these
// events. What each framework's calls do, and how far each takes the
// response, is data in httpfw; this package holds the events, their
// stages and order, the values they carry and the facts that carry them
// across packages (see docs/design.md).
//
// Values are resolved through constants, local and package variables with a
// single definition, composite literals and later field assignments.
// Functions that act on a response they receive as a parameter (helpers) or
// that build and return a cookie (factories) export a fact describing what
// they do, with values that depend on their parameters left symbolic; their
// callers, in this package or another, see those events with the arguments
// substituted.
//
// Each event also says how far it takes the response in its framework
// (Stage: open, headers sent, complete), and the model orders a function's
// events along its control-flow graph (go/cfg): which events may come
// after the headers were sent or the response completed, and by which
// event (SentBy, DoneBy). A helper's call counts as a write for its caller
// only if the helper writes on every path (HelperFact.Exit).
//
// A JSON body event carries a jsonvalue.Value: what the serialised value
// holds, and cannot hold, is package jsonvalue's model, which this one
// asks at each JSON write and whose facts (BlanksFact, EmptiesFact,
// FillsFact, ReturnsFact) its analyzer exports. A wrapper, which returns a closure
// writing what a function it is given returns, exports the closure's
// JSON bodies (WrapperFact); its callers see them with the functions they
// pass, in Func.Wrapped. Result.Decoded lists what the package decodes
// request bodies into.
package respmodel
