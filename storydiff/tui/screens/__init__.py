"""Screens of the TUI: claims (main), coverage matrix, figure ledger, article, help."""
