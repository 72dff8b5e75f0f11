# The two commands: `make run` serves the demo on SQLite; `make test` runs every test.
.PHONY: run test test-ha build setup lint clean bench soak fuzz

DB ?= sqlite:var/onecase.db
LISTEN ?= 127.0.0.1:8080

setup:
	scripts/setup

build: setup
	scripts/build build RelWithDebInfo

run: build
	@if [ ! -f var/onecase.db ] && [ "$(DB)" = "sqlite:var/onecase.db" ]; then \
		build/onecase demo-data --db $(DB) --scale small --seed 1; \
	fi
	@echo
	@echo "onecase: http://$(LISTEN)/"
	@echo "Sign in as demo.po, demo.spo, demo.other or demo.admin; password onecase-demo-2026"
	@echo
	build/onecase serve --db $(DB) --listen $(LISTEN)

test:
	scripts/test

lint: build
	clang-format --dry-run --Werror $$(git ls-files 'src/*.cpp' 'src/*.hpp' 'tests/*.cpp' 'tests/*.hpp')

test-ha:
	scripts/test-ha

# The torture tests for longer: 50 kill -9 rounds per engine (make test runs 4).
soak: build
	scripts/soak

bench:
	bench/run

# The libFuzzer targets for longer (docs/security.md): FUZZ_SECONDS each, default 600.
fuzz: setup
	scripts/fuzz $(or $(FUZZ_SECONDS),600)

clean:
	rm -rf build build-asan build-fuzz
