"""MkDocs hook: the finishing pass over the built site.

- A build without `SITE_URL` publishes no absolute address at all: no canonical links, no
  sitemap, no Sitemap line in robots.txt (rather than ones that point at the wrong host). It
  says so in the log; `make serve` sets its own address.
- A Content-Security-Policy that allows only this site's own files, plus the few inline
  scripts listed in `INLINE_SCRIPTS` below, by hash. Any other inline script on a page stops
  the build naming the page: a `<script>` pasted into a page is never whitelisted.
- The same policy as a <meta> tag on every page and, with frame protection, in a `_headers`
  file for hosts that honour one (Netlify, Cloudflare Pages).
- `robots.txt` pointing at the sitemap.
- One stylesheet of our own: the theme's colour schemes (`palette.*.css`) joined in front of
  `overrides/assets/site.css`, so a first view waits for two stylesheets, not three (each is a
  round trip before anything shows on a weak signal); each page's link to the palette goes.
- Our scripts (assets/*.js) without comments and indentation (rjsmin): about 30% less to
  download on every page; the sources in overrides/assets/ keep their comments.
"""

from __future__ import annotations

import base64
import hashlib
import logging
import re
import sys
from pathlib import Path

import rjsmin
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

# MkDocs loads hooks by file path, not as part of a package: make `macros` importable.
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from macros.words import inner_build  # noqa: E402

log = logging.getLogger("mkdocs.hooks.site")

INLINE_SCRIPT = re.compile(r"<script(?![^>]*\bsrc=)([^>]*)>(.*?)</script>", re.S)

# The inline scripts a page may carry. Each is a full-match pattern for the script's text
# and where it comes from. A new Material version that changes one fails the build with the
# page named; check the new text in the theme's template, then update the pattern here.
_BASE = r'(?:\.|\.\.(?:/\.\.)*|/[A-Za-z0-9._~/-]*)'  # the page's relative (or 404's absolute) base
INLINE_SCRIPTS: dict[str, re.Pattern] = {
    # material/templates/base.html: where the theme keeps its settings in localStorage.
    "theme: storage scope": re.compile(
        r'__md_scope=new URL\("' + _BASE + r'",location\),'
        + re.escape(
            "__md_hash=e=>[...e].reduce(((e,_)=>(e<<5)-e+_.charCodeAt(0)),0),"
            "__md_get=(e,_=localStorage,t=__md_scope)=>JSON.parse(_.getItem(t.pathname+\".\"+e)),"
            "__md_set=(e,_,t=localStorage,a=__md_scope)=>{try{t.setItem(a.pathname+\".\"+e,JSON.stringify(_))}catch(e){}}"
        )
    ),
    # material/templates/base.html: applies the reader's chosen colour scheme before paint.
    "theme: colour scheme": re.compile(re.escape(
        'var palette=__md_get("__palette");if(palette&&palette.color){if("(prefers-color-scheme)"===palette.color.media)'
        '{var media=matchMedia("(prefers-color-scheme: light)"),input=document.querySelector(media.matches?'
        '"[data-md-color-media=\'(prefers-color-scheme: light)\']":"[data-md-color-media=\'(prefers-color-scheme: dark)\']");'
        'palette.color.media=input.getAttribute("data-md-color-media"),'
        'palette.color.scheme=input.getAttribute("data-md-color-scheme"),'
        'palette.color.primary=input.getAttribute("data-md-color-primary"),'
        'palette.color.accent=input.getAttribute("data-md-color-accent")}'
        'for(var[key,value]of Object.entries(palette.color))document.body.setAttribute("data-md-color-"+key,value)}'
    )),
    # material/templates/base.html: opens the tab a link points at.
    "theme: linked tab": re.compile(re.escape(
        'var target=document.getElementById(location.hash.slice(1));'
        'target&&target.name&&(target.checked=target.name.startsWith("__tabbed_"))'
    )),
    # overrides/main.html: marks "scripts on" before first paint (no layout shift), and hides
    # the page when another site frames it (GitHub Pages cannot send frame-ancestors).
    "site: scripts on, not framed": re.compile(re.escape(
        'document.documentElement.classList.remove("no-js");'
        'if(window.top!==window.self)document.documentElement.classList.add("framed")'
    )),
}

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
    "X-Frame-Options": "DENY",
}


def on_config(config, **_kwargs):
    if not config.get("site_url"):
        # Not a warning: a strict build must still pass. MkDocs then writes no canonical links.
        log.info(
            "SITE_URL is not set: building without canonical links, sitemap or a Sitemap line in "
            "robots.txt. To deploy, build with the public address, e.g. "
            "SITE_URL=https://example.org/flex-help/ make build."
        )
    report = config["extra"].get("report_url") or ""
    if report and not re.fullmatch(r"https://[A-Za-z0-9.-]+(/[A-Za-z0-9._~-]+)+", report.rstrip("/")):
        raise PluginError(f"REPO_URL must be a repository address like https://github.com/owner/name, not {report[:80]!r}")
    config["extra"]["report_url"] = report.rstrip("/")
    return config


def policy(hashes: set[str], header: bool = False) -> str:
    parts = dict(POLICY)
    parts["script-src"] = parts["script-src"] + sorted(f"'sha256-{h}'" for h in hashes)
    if header:  # only honoured as an HTTP header; a <meta> with it logs an error
        parts["frame-ancestors"] = ["'none'"]
    return "; ".join(f"{k} {' '.join(v)}" for k, v in parts.items())


def script_hash(body: str) -> str:
    return base64.b64encode(hashlib.sha256(body.encode("utf-8")).digest()).decode()


def allowed_hashes(texts: dict[str, str]) -> set[str]:
    """Hashes of the inline scripts on the pages (page name -> HTML); any unlisted one is an error."""
    hashes, unknown = set(), []
    for name, text in texts.items():
        for match in INLINE_SCRIPT.finditer(text):
            attrs, body = match.groups()
            if 'type="application/json"' in attrs:
                continue  # data, not code: never run, so not in the policy
            if not any(p.fullmatch(body) for p in INLINE_SCRIPTS.values()):
                unknown.append(f"{name}: inline script not in the allow-list (hooks/site.py): {body[:80]!r}")
            else:
                hashes.add(script_hash(body))
    if unknown:
        raise PluginError("Unknown inline script, build stopped:\n" + "\n".join(unknown))
    return hashes


PALETTE_MARK = "/* the theme's colour schemes, from "


def one_stylesheet(site: Path) -> None:
    """Put the theme's palette stylesheet in front of the site's own, in assets/site.css."""
    palettes = sorted((site / "assets" / "stylesheets").glob("palette.*.min.css"))
    if len(palettes) != 1:
        raise PluginError(f"assets/stylesheets: expected one palette.*.min.css from Material, found {len(palettes)}")
    ours = site / "assets" / "site.css"
    text = ours.read_text(encoding="utf-8")
    if text.startswith(PALETTE_MARK):  # a rebuild that did not copy site.css again (mkdocs serve --dirty)
        return
    palette = re.sub(r"/\*# sourceMappingURL=[^*]*\*/\s*$", "", palettes[0].read_text(encoding="utf-8"))
    ours.write_text(f"{PALETTE_MARK}{palettes[0].name} */\n{palette}\n{text}", encoding="utf-8")


def minify_scripts(site: Path) -> None:
    """Our own scripts (assets/*.js; the theme's, under assets/javascripts/, come minified)."""
    for script in sorted((site / "assets").glob("*.js")):
        script.write_text(rjsmin.jsmin(script.read_text(encoding="utf-8")), encoding="utf-8")


PALETTE_LINK = re.compile(r'<link rel="stylesheet" href="[^"]*assets/stylesheets/palette\.[0-9a-f]+\.min\.css">\s*')


def without_palette_link(text: str, name: Path) -> str:
    """A page without its link to the palette stylesheet (assets/site.css carries it)."""
    text, found = PALETTE_LINK.subn("", text, count=1)
    if not found:
        raise PluginError(f"{name}: no link to the theme's palette stylesheet (has Material changed how it links it?)")
    return text


@event_priority(-110)  # once, after mkdocs-static-i18n has built the Spanish edition too
def on_post_build(config, **_kwargs) -> None:
    if inner_build(config):
        return
    site = Path(config["site_dir"])
    one_stylesheet(site)
    minify_scripts(site)
    pages = list(site.rglob("*.html"))
    texts = {p: p.read_text(encoding="utf-8") for p in pages}
    hashes = allowed_hashes({p.relative_to(site).as_posix(): t for p, t in texts.items()})
    meta = (
        f'<meta http-equiv="Content-Security-Policy" content="{policy(hashes)}">\n'
        '<meta name="referrer" content="no-referrer">'
    )
    for path, text in texts.items():
        text = without_palette_link(text, path.relative_to(site))
        # Right after the charset, which must stay in the first 1024 bytes; before any script.
        anchor = '<meta charset="utf-8">'
        if anchor not in text:
            raise PluginError(f"{path.relative_to(site)}: no {anchor} to put the security policy after")
        path.write_text(text.replace(anchor, anchor + "\n" + meta, 1), encoding="utf-8")
    header_lines = ["/*", f"  Content-Security-Policy: {policy(hashes, header=True)}"]
    header_lines += [f"  {k}: {v}" for k, v in HEADERS.items()]
    (site / "_headers").write_text("\n".join(header_lines) + "\n", encoding="utf-8")
    robots = ["User-agent: *", "Allow: /"]
    if config.get("site_url"):
        robots.append(f"Sitemap: {config['site_url'].rstrip('/')}/sitemap.xml")
    else:  # a sitemap needs absolute addresses; without SITE_URL it would hold none that work
        for name in ("sitemap.xml", "sitemap.xml.gz"):
            (site / name).unlink(missing_ok=True)
    (site / "robots.txt").write_text("\n".join(robots) + "\n", encoding="utf-8")
