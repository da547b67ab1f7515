"""ISF Tracker: who is in a proposed multinational force, on what conditions, and on whose word."""

__version__ = "0.1.0"
