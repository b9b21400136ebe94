//go:build unix

package files

import "syscall"

// nonBlock opens a named pipe without waiting for a writer, so that it
// can be refused instead of hanging the read.
const nonBlock = syscall.O_NONBLOCK
