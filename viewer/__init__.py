"""Article comparison viewer: shared, moved, changed and original passages side by side."""

__version__ = "0.1.0"
