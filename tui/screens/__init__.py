"""Screens over the reader: help (generated from the bindings) and the confirm-before-open box."""
