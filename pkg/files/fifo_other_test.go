//go:build !unix

package files

import "errors"

// mkfifo makes a named pipe, where there are any.
func mkfifo(string) error { return errors.New("no named pipes here") }
