"""The windows around the pages: set-up, unlock, the main window."""
