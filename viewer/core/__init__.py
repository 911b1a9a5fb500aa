"""The Qt-free core: reading articles, finding shared passages, the result model.

Nothing in this package imports PySide6 (an import-linter contract checks it).
"""
