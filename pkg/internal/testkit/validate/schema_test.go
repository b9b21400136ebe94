package validate_test

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/galleypress/galley/pkg/doc"
	"github.com/galleypress/galley/pkg/internal/testkit/fixture"
	"github.com/galleypress/galley/pkg/internal/testkit/validate"
)

// TestDocumentSchema checks every golden JSON file and a document of
// every node type follow doc.Schema, and that the schema refuses what
// Decode refuses.
func TestDocumentSchema(t *testing.T) {
	files, _ := filepath.Glob("../../../../golden/*.json")
	if len(files) == 0 {
		t.Fatal("no golden JSON")
	}
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		if err := validate.DocumentSchema(data); err != nil {
			t.Errorf("%s: %v", filepath.Base(f), err)
		}
	}
	var buf bytes.Buffer
	doc.Encode(&buf, fixture.Sample())
	if err := validate.DocumentSchema(buf.Bytes()); err != nil {
		t.Errorf("sample: %v", err)
	}
	for _, bad := range []string{
		`{"galley": 1, "meta": {}, "blocks": [{"type": "rule", "items": [[]]}]}`,
		`{"galley": 1, "meta": {}, "blocks": [{"type": "heading", "level": 99}]}`,
		`{"galley": 4, "meta": {}}`,
		`{"galley": 3, "meta": {}, "blocks": [{"type": "heading", "level": 99}]}`,
		`{"galley": 3, "meta": {}, "blocks": [{"type": "list", "numbering": "z"}]}`,
		`{"galley": 3, "meta": {}, "blocks": [{"type": "list", "items": [{"task": "maybe"}]}]}`,
		`{"galley": 3, "meta": {}, "blocks": [{"type": "rule", "items": []}]}`,
		`{"galley": 2, "meta": {}, "blocks": [{"type": "list", "items": [[]], "tasks": ["maybe"]}]}`,
		`{"galley": 1, "meta": {"colour": "red"}}`,
	} {
		err := validate.DocumentSchema([]byte(bad))
		if err == nil {
			t.Errorf("the schema accepts %s", bad)
		}
		if _, derr := doc.Decode(strings.NewReader(bad)); derr == nil {
			t.Errorf("Decode accepts %s", bad)
		}
	}
}
