"""The Textual app: it reads the store and calls the pure layers, never the other way round."""
