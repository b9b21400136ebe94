//go:build !unix

package publish

import (
	"os"
	"time"
)

const openNoWait = 0

func lockTemp(*os.File) {}

// abandoned reports whether a temporary file is old enough that no
// running build can still be writing it.
func abandoned(path string) bool {
	st, err := os.Stat(path)
	return err == nil && time.Since(st.ModTime()) > time.Hour
}

func noReader(error) bool { return false }
