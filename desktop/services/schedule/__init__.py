"""Appointments, orientation sessions and the places they happen."""
