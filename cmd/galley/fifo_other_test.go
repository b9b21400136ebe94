//go:build !unix

package main

import "errors"

// mkfifo makes a named pipe, where there are any.
func mkfifo(string) error { return errors.New("no named pipes here") }
