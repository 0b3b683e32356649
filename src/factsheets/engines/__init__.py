"""Thin adapters around native engines (WeasyPrint, liblouis, espeak-ng, LAME).

Each adapter turns "the engine is not installed" into EngineMissing with the
package to install, so that the build skips one format and says why.
"""
