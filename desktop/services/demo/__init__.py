"""The demo office: fictional households, schedules and medical records."""
