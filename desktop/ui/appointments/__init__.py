"""Appointments: the Appointments page and its lists, booking and moving appointments,
the appointment window, scheduling many households, printing agendas and slips, and the
household window's schedule panel."""
