"""storydiff: how different news outlets covered the same story."""

__version__ = "0.1.0"

__all__ = ["__version__"]
