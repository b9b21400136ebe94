//go:build unix

package publish

import (
	"errors"
	"os"
	"syscall"
	"time"
)

// openNoWait is the flag that opens a named pipe for writing without
// waiting for a reader: with none, the open fails at once.
const openNoWait = syscall.O_NONBLOCK

// lockTemp marks a temporary file as this process's own for as long as
// it is open: another galley run cleaning up after a killed one leaves
// it alone.
func lockTemp(f *os.File) {
	syscall.Flock(int(f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB) //nolint:errcheck // best effort
}

// abandoned reports whether a temporary file is no process's own: no
// lock is held on it (its writer was killed, or the power cut), and it
// is not new (a writer locks its file right after making it: a file of
// a moment ago may be one whose writer has not yet).
func abandoned(path string) bool {
	f, err := os.Open(path)
	if err != nil {
		return false
	}
	defer f.Close()
	if st, err := f.Stat(); err != nil || time.Since(st.ModTime()) < tempGrace {
		return false
	}
	err = syscall.Flock(int(f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB)
	if err == nil {
		syscall.Flock(int(f.Fd()), syscall.LOCK_UN) //nolint:errcheck
		return true
	}
	return !errors.Is(err, syscall.EWOULDBLOCK)
}

// noReader reports whether opening a pipe failed for want of a reader.
func noReader(err error) bool { return errors.Is(err, syscall.ENXIO) }
