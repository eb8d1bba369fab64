# The two commands a new user needs: `make demo` and `make test`.
BUILD_DIR ?= build
JOBS ?= $(shell nproc)

.PHONY: setup build demo test bench docs clean

setup:
	@./scripts/setup.sh

build: setup
	@cmake -S . -B $(BUILD_DIR) -DCMAKE_BUILD_TYPE=Release >/dev/null
	@cmake --build $(BUILD_DIR) -j $(JOBS)

demo: build
	@./$(BUILD_DIR)/mercator run scenarios/default.toml --out runs/default
	@./$(BUILD_DIR)/mercator report runs/default

test: build
	@cd $(BUILD_DIR) && ctest --output-on-failure -j $(JOBS)

bench: build
	@./bench/run.sh $(BUILD_DIR)

docs: build
	@./$(BUILD_DIR)/mercator describe --markdown > docs/scenario-reference.md

clean:
	rm -rf $(BUILD_DIR)
