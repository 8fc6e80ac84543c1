"""Areas of the main window; each is a Page in the sidebar."""
