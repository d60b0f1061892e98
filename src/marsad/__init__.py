"""marsad (مرصد): Arabic news reports -> ACLED-coded, geocoded, deduplicated conflict events."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("marsad")
except PackageNotFoundError:  # running from a source tree that was not installed
    __version__ = "0.0.0+local"

__all__ = ["__version__"]
