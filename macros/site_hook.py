"""MkDocs hook: the finishing pass over the built site.

- A Content-Security-Policy that allows only this site's own files, plus the theme's few
  inline scripts by hash, as a <meta> tag on every page and in a `_headers` file for hosts
  that honour one (Netlify, Cloudflare Pages).
- `robots.txt` pointing at the sitemap, made from `site_url`.
"""

from __future__ import annotations

import base64
import hashlib
import re
from pathlib import Path

INLINE_SCRIPT = re.compile(r"<script(?![^>]*\bsrc=)(?![^>]*application/json)[^>]*>(.*?)</script>", re.S)

# What the site needs, and nothing more: its own scripts, styles, images, search worker.
POLICY = {
    "default-src": ["'none'"],
    "script-src": ["'self'"],
    "style-src": ["'self'"],
    "img-src": ["'self'", "data:"],
    "font-src": ["'self'"],
    "connect-src": ["'self'"],
    "worker-src": ["'self'"],
    "manifest-src": ["'self'"],
    "base-uri": ["'none'"],
    "form-action": ["'self'"],
    "object-src": ["'none'"],
}
HEADERS = {
    "Referrer-Policy": "no-referrer",
    "X-Content-Type-Options": "nosniff",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=(), payment=(), usb=()",
    "Cross-Origin-Opener-Policy": "same-origin",
}


def policy(hashes: set[str], header: bool = False) -> str:
    parts = dict(POLICY)
    parts["script-src"] = parts["script-src"] + sorted(f"'sha256-{h}'" for h in hashes)
    if header:  # only honoured as an HTTP header; a <meta> with it logs an error
        parts["frame-ancestors"] = ["'none'"]
    return "; ".join(f"{k} {' '.join(v)}" for k, v in parts.items())


def script_hash(body: str) -> str:
    return base64.b64encode(hashlib.sha256(body.encode("utf-8")).digest()).decode()


def on_post_build(config, **_kwargs) -> None:
    site = Path(config["site_dir"])
    pages = list(site.rglob("*.html"))
    texts = {p: p.read_text(encoding="utf-8") for p in pages}
    hashes = {script_hash(m.group(1)) for text in texts.values() for m in INLINE_SCRIPT.finditer(text)}
    meta = (
        f'<meta http-equiv="Content-Security-Policy" content="{policy(hashes)}">\n'
        '<meta name="referrer" content="no-referrer">'
    )
    for path, text in texts.items():
        # Right after the charset, which must stay in the first 1024 bytes; before any script.
        anchor = '<meta charset="utf-8">'
        if anchor not in text:
            raise RuntimeError(f"{path.relative_to(site)}: no {anchor} to put the security policy after")
        path.write_text(text.replace(anchor, anchor + "\n" + meta, 1), encoding="utf-8")
    header_lines = ["/*", f"  Content-Security-Policy: {policy(hashes, header=True)}"]
    header_lines += [f"  {k}: {v}" for k, v in HEADERS.items()]
    (site / "_headers").write_text("\n".join(header_lines) + "\n", encoding="utf-8")
    site_url = config.get("site_url") or ""
    robots = ["User-agent: *", "Allow: /"]
    if site_url:
        robots.append(f"Sitemap: {site_url.rstrip('/')}/sitemap.xml")
    (site / "robots.txt").write_text("\n".join(robots) + "\n", encoding="utf-8")
