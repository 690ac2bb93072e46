// Package router is imported back by example.com/b, which this module
// requires: a module cycle.
package router

type Router struct{ Name string }

func New() *Router { return &Router{Name: "center"} }
