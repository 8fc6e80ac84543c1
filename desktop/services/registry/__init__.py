"""Households, people and documents: registration, lists, search, duplicates, MRZ."""
