package validate

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"strings"
	"sync"

	"github.com/pdfcpu/pdfcpu/pkg/api"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/model"
	"github.com/santhosh-tekuri/jsonschema/v6"

	"github.com/galleypress/galley/pkg/doc"
)

// The checks below run in Go, fast enough for fuzzing: well-formed XML,
// an EPUB's container, and pdfcpu's validation of a PDF.

// XML returns an error if data is not well-formed XML.
func XML(data []byte) error {
	dec := xml.NewDecoder(bytes.NewReader(data))
	dec.Strict = true
	for {
		_, err := dec.Token()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return err
		}
	}
}

// EPUB returns an error if data is not a zip whose first entry is a
// stored mimetype of application/epub+zip, with a container, a package
// document and XHTML files that are all well-formed XML, and a manifest
// whose every file is in the zip.
func EPUB(data []byte) error {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return fmt.Errorf("not a zip: %w", err)
	}
	if len(zr.File) == 0 || zr.File[0].Name != "mimetype" || zr.File[0].Method != zip.Store {
		return errors.New("the first entry is not a stored mimetype")
	}
	files := map[string][]byte{}
	for _, f := range zr.File {
		rc, err := f.Open()
		if err != nil {
			return err
		}
		b, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			return fmt.Errorf("%s: %w", f.Name, err)
		}
		files[f.Name] = b
	}
	if string(files["mimetype"]) != "application/epub+zip" {
		return errors.New("wrong mimetype")
	}
	for _, name := range []string{"META-INF/container.xml", "EPUB/package.opf"} {
		if files[name] == nil {
			return fmt.Errorf("no %s", name)
		}
	}
	var opf struct {
		Items []struct {
			Href string `xml:"href,attr"`
		} `xml:"manifest>item"`
	}
	if err := xml.Unmarshal(files["EPUB/package.opf"], &opf); err != nil {
		return fmt.Errorf("package.opf: %w", err)
	}
	for _, it := range opf.Items {
		if _, ok := files["EPUB/"+it.Href]; !ok {
			return fmt.Errorf("the manifest lists %s, which is not in the zip", it.Href)
		}
	}
	for name, b := range files {
		if strings.HasSuffix(name, ".xhtml") || strings.HasSuffix(name, ".opf") || strings.HasSuffix(name, ".ncx") || strings.HasSuffix(name, ".xml") || strings.HasSuffix(name, ".svg") {
			if err := XML(b); err != nil {
				return fmt.Errorf("%s: %w", name, err)
			}
		}
	}
	return nil
}

var pdfcpuOnce sync.Once

// PDF returns pdfcpu's verdict on data, in strict mode.
func PDF(data []byte) error {
	pdfcpuOnce.Do(api.DisableConfigDir)
	conf := model.NewDefaultConfiguration()
	conf.ValidationMode = model.ValidationStrict
	return api.Validate(bytes.NewReader(data), conf)
}

// DocumentSchema returns an error if data, a document's JSON form, does
// not follow doc.Schema.
func DocumentSchema(data []byte) error {
	schemaOnce.Do(func() {
		c := jsonschema.NewCompiler()
		s, err := jsonschema.UnmarshalJSON(bytes.NewReader(doc.Schema))
		if err == nil {
			err = c.AddResource("document.json", s)
		}
		if err == nil {
			schema, err = c.Compile("document.json")
		}
		schemaErr = err
	})
	if schemaErr != nil {
		return fmt.Errorf("the schema does not compile: %w", schemaErr)
	}
	v, err := jsonschema.UnmarshalJSON(bytes.NewReader(data))
	if err != nil {
		return err
	}
	return schema.Validate(v)
}

var (
	schemaOnce sync.Once
	schema     *jsonschema.Schema
	schemaErr  error
)
