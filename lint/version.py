"""The release, in its own module: the engine (the cache's fingerprint) reads it without
importing the package's public API, which imports the engine."""

__version__ = "0.1.0"
