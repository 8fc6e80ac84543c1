"""Previewing and printing PDFs."""
