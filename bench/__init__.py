"""The performance benchmark suite of presence: `make bench` runs `bench/run.py`."""
