"""Households, people and documents: the lists and the household window."""
