"""The widgets of the main screen; each owns its keys and actions."""
