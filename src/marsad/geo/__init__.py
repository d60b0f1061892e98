"""Gazetteer and geocoder for the Arab world (Arabic place mentions -> Place).

from marsad.geo import get_geocoder
geo = get_geocoder()
geo.find_places("قتل شخصان بانفجار في قضاء الحويجة بمحافظة كركوك")
geo.locate(text, [(start, end)], country_hint="IQ")
"""

from __future__ import annotations

import threading

from marsad.geo.geocoder import Geocoder

_LOCK = threading.Lock()
_GEOCODER: Geocoder | None = None


def get_geocoder() -> Geocoder:
    """The process-wide geocoder, loaded on first use (well under a second) and cached."""
    global _GEOCODER
    if _GEOCODER is None:
        with _LOCK:
            if _GEOCODER is None:
                from marsad.geo.gazetteer import load

                _GEOCODER = Geocoder(load())
    return _GEOCODER


__all__ = ["Geocoder", "get_geocoder"]
