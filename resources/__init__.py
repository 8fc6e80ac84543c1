"""Data files shipped with Departure Desk (installed as ``departure_desk_resources``)."""
