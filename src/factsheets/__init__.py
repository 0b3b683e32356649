"""Accessible-formats publisher: one Markdown source, every format."""

__version__ = "0.1.0"
