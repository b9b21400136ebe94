# galley: the usual tasks. The README's two commands need no make.
GO ?= go

.PHONY: build test golden demo lint

build:
	$(GO) build ./...

test:
	$(GO) test ./...

# Rewrite the golden files after an intended change; review the diff.
golden:
	$(GO) test ./... -update

# Build the repository's own galley.yaml into out/.
demo:
	$(GO) run ./cmd/galley build

lint:
	@out=$$(gofmt -l cmd pkg); if [ -n "$$out" ]; then echo "gofmt would change: $$out"; exit 1; fi
	$(GO) vet ./...
