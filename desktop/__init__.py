"""Departure Desk: offline resettlement case management for the IOM office in Shëngjin."""

__version__ = "0.1.0"
APP_NAME = "Departure Desk"
