//go:build !unix

package files

// nonBlock is 0 where opening a pipe does not wait for a writer.
const nonBlock = 0
