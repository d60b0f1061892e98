"""An Atom (RFC 4287) feed of alerts, for feed readers and for systems that poll rather than listen."""

from __future__ import annotations

import datetime as dt
import xml.etree.ElementTree as ET
from collections.abc import Sequence

from marsad import __version__
from marsad.alerts.detect import Alert

ATOM_NS = "http://www.w3.org/2005/Atom"
ET.register_namespace("", ATOM_NS)


def _tag(name: str) -> str:
    return f"{{{ATOM_NS}}}{name}"


def _sub(parent: ET.Element, name: str, text: str | None = None, **attrs: str) -> ET.Element:
    el = ET.SubElement(parent, _tag(name), attrs)
    if text is not None:
        el.text = text
    return el


def _stamp(day: dt.date) -> str:
    # The period's last day, end of day UTC: stable for a given alert, so readers do not see an
    # "updated" entry each time the feed is generated.
    return f"{day.isoformat()}T23:59:59Z"


def _summary(alert: Alert) -> str:
    lines = [alert.title]
    if alert.kind == "spike":
        lines.append(
            f"observed {alert.observed}, baseline mean {alert.baseline_mean:.2f} ({alert.model}), "
            f"threshold {alert.threshold}, score {alert.score:.2f} (p = {alert.p_value:.2g})"
        )
    for ev in alert.events[:10]:
        lines.append(
            f"- {ev['event_date']} {ev['location'] or ev['admin2'] or ev['admin1']}: "
            f"{ev['sub_event_type'] or ev['event_type']}, {ev['actor1']}"
            + (f" vs {ev['actor2']}" if ev["actor2"] else "")
            + f", fatalities {ev['fatalities']} [{ev['id']}]"
        )
    if len(alert.events) > 10:
        lines.append(f"… and {len(alert.events) - 10} more events")
    return "\n".join(lines)


def feed(alerts: Sequence[Alert], base_url: str = "", title: str = "marsad alerts") -> bytes:
    """The feed as UTF-8 bytes. `base_url` (e.g. http://host:8000) makes the links absolute."""
    root = ET.Element(_tag("feed"))
    _sub(root, "id", "urn:marsad:alerts")
    _sub(root, "title", title)
    _sub(root, "generator", "marsad", version=__version__)
    _sub(root, "link", rel="self", href=f"{base_url}/alerts.atom")
    latest = max((a.period_end for a in alerts), default=dt.date(1970, 1, 1))
    _sub(root, "updated", _stamp(latest))
    author = _sub(root, "author")
    _sub(author, "name", "marsad")
    for alert in alerts:
        entry = _sub(root, "entry")
        _sub(entry, "id", f"urn:marsad:alert:{alert.id}")
        _sub(entry, "title", alert.title)
        _sub(entry, "updated", _stamp(alert.period_end))
        _sub(entry, "link", rel="alternate", type="application/json", href=f"{base_url}/alerts?id={alert.id}")
        _sub(entry, "category", term=alert.kind)
        _sub(entry, "category", term=alert.metric)
        _sub(entry, "category", term=alert.key.dimension)
        _sub(entry, "summary", _summary(alert), type="text")
    return ET.tostring(root, encoding="utf-8", xml_declaration=True)
