# The README's first two commands: `make run` and `make test`.
.PHONY: setup run test bench clean

setup:
	@bash scripts/setup.sh

run: setup
	.venv/bin/tdkt run samples/

test: setup
	.venv/bin/python -m pytest -q

bench: setup
	.venv/bin/python bench/bench_readers.py

clean:
	rm -rf out/ tdkt.db .pytest_cache
