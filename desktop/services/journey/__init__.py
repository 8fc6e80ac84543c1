"""A case's journey: its statuses, the moves between them and travel readiness."""
