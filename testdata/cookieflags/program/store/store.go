// Package store keeps session stores in exported variables that other
// packages of the program configure; they are judged in package main
// (../app), not here.
package store

import "github.com/gorilla/sessions"

// NewCookieStore (v1.4.0) defaults to Secure and SameSite=None.
var Store = sessions.NewCookieStore([]byte("k"))

// Configured nowhere: reported in package main.
var Plain = sessions.NewCookieStore([]byte("k"))

// Its Options are passed to a function in package config.
var Handed = sessions.NewFilesystemStore("", []byte("k"))

func init() {
	Store.Options.HttpOnly = true
}
