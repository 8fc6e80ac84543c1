"""Printable documents (PDF via reportlab). Plain records in, PDF bytes out; never Qt."""
