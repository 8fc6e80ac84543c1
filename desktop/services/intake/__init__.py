"""Registration lists from partners: reading, checking and importing them."""
