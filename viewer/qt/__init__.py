"""The Qt layer: widgets only. Every decision about text, passages and scroll mapping
comes from ``viewer.core``; this package converts offsets and draws."""
