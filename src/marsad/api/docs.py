"""/docs without a CDN: a plain HTML page rendered on the server from the OpenAPI spec.

FastAPI's Swagger UI loads its JavaScript and CSS from a CDN, which does not work offline; this
page lists every route, its parameters and responses from /openapi.json with no external asset.
"""

from __future__ import annotations

from html import escape
from typing import Any


def render(spec: dict[str, Any]) -> str:
    info = spec.get("info", {})
    out = [
        "<!doctype html><html lang='en'><head><meta charset='utf-8'>",
        f"<title>{escape(info.get('title', 'API'))} — API</title>",
        "<style>body{font:15px/1.5 system-ui,sans-serif;max-width:60em;margin:2em auto;padding:0 1em}"
        "code{background:#f3f3f3;padding:0 .2em}section{border-top:1px solid #ddd;padding:.5em 0}"
        "table{border-collapse:collapse}td,th{border:1px solid #ddd;padding:.2em .5em;text-align:left}</style>",
        "</head><body>",
        f"<h1>{escape(info.get('title', 'API'))} <small>{escape(str(info.get('version', '')))}</small></h1>",
        f"<p>{escape(info.get('description', ''))}</p>",
        "<p>Machine-readable spec: <a href='/openapi.json'>/openapi.json</a></p>",
    ]
    for path, ops in spec.get("paths", {}).items():
        for method, op in ops.items():
            out.append(
                f"<section id='{escape(method + path)}'><h2><code>{escape(method.upper())} {escape(path)}</code></h2>"
            )
            out.append(f"<p>{escape(op.get('summary', ''))}</p>")
            if op.get("description"):
                out.append(f"<p>{escape(op['description'])}</p>")
            params = op.get("parameters", [])
            if params:
                out.append("<table><tr><th>parameter</th><th>in</th><th>description</th></tr>")
                for p in params:
                    out.append(
                        f"<tr><td><code>{escape(p.get('name', ''))}</code></td><td>{escape(p.get('in', ''))}</td>"
                        f"<td>{escape(p.get('description', ''))}</td></tr>"
                    )
                out.append("</table>")
            codes = ", ".join(escape(str(c)) for c in op.get("responses", {}))
            out.append(f"<p>Responses: {codes}</p></section>")
    out.append("</body></html>")
    return "".join(out)
