package markdown

import "bytes"

// bufioWriter adapts a bytes.Buffer to goldmark's util.BufWriter.
type bufioWriter struct{ *bytes.Buffer }

func (bufioWriter) Available() int { return 1 << 20 }
func (bufioWriter) Buffered() int  { return 0 }
func (bufioWriter) Flush() error   { return nil }
