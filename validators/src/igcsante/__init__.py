"""Validators for the IGC-Santé software-certificate guide."""

__version__ = "0.1.0"
