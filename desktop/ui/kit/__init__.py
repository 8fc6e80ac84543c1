"""Shared UI parts: operations, change notices, pages, forms, tables, palette, translation."""
