"""Appointments: the agenda page, appointment windows, bulk scheduling, places."""
