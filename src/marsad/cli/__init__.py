"""The command line: a thin shell over library functions (only the CLI prints)."""
