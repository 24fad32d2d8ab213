"""The screens of the app: the main one, and the help, feeds and picker dialogs."""
