# annalist — top-level entry points. Every target that builds first installs any missing
# Debian package (scripts/install-deps.sh), so a fresh Debian 12 machine needs nothing else.
#   make         build into build/ (build/annalist, build/libannalist.{a,so})
#   make check   build and run every test: the normal build, then the ASan+UBSan build
#   make demo    code the bundled example news and print the events
#   make dict    regenerate the generated dictionaries in data/dict/
#   make bench   run the benchmarks in bench/ and append to bench/RESULTS.md
#   make fuzz    run every libFuzzer target (FUZZ_SECONDS each, default 60)

BUILD      ?= build
ASAN_BUILD ?= build-asan
JOBS       ?= $(shell nproc 2>/dev/null || echo 2)
CMAKE_FLAGS ?=

.PHONY: all deps build check check-fast check-asan demo dict bench fuzz clean

all: build

deps:
	@scripts/install-deps.sh

build: deps
	@cmake -S . -B $(BUILD) -DCMAKE_BUILD_TYPE=Release $(CMAKE_FLAGS) >/dev/null
	@cmake --build $(BUILD) -j $(JOBS)

check: check-fast check-asan

check-fast: build
	@cd $(BUILD) && ctest --output-on-failure -j $(JOBS)

check-asan: deps
	@cmake -S . -B $(ASAN_BUILD) -DCMAKE_BUILD_TYPE=Debug -DAN_SANITIZE=ON $(CMAKE_FLAGS) >/dev/null
	@cmake --build $(ASAN_BUILD) -j $(JOBS)
	@cd $(ASAN_BUILD) && ctest --output-on-failure -j $(JOBS) -LE slow

demo: build
	@$(BUILD)/annalist code examples/news/*.txt examples/news/*.jsonl

dict:
	@tools/dictgen/run.sh data/dict

bench: build
	@bench/run.sh --record $(BUILD)/annalist
	@bench/ingest.sh --record $(BUILD)/annalist

fuzz: deps
	@scripts/fuzz.sh $(FUZZ_SECONDS)

clean:
	rm -rf $(BUILD) $(ASAN_BUILD)
