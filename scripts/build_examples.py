"""Build examples/wire.warc.gz, the demo's small web archive, from an HTML page written for it.

Run once by hand when the example changes (the result is committed):
``.venv/bin/python scripts/build_examples.py``.
"""

from __future__ import annotations

from io import BytesIO
from pathlib import Path

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

PAGE = """<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<title>Russian region says drones hit Belgorod after border raid | Example Daily</title>
<meta property="og:site_name" content="Example Daily">
<meta property="article:published_time" content="2023-05-24T07:15:00Z">
<link rel="canonical" href="https://daily.example.org/world/belgorod-drones">
</head><body>
<nav><a href="/">Home</a> | <a href="/world">World</a></nav>
<article>
<h1>Russian region says drones hit Belgorod after border raid</h1>
<p class="byline">By Anna Example</p>
<p>The governor of Russia's Belgorod region, Vyacheslav Gladkov, said on Wednesday that drones had
struck an administrative building in the city of Belgorod overnight, a day after Russian forces
said they had ended a cross-border raid by armed groups from Ukraine.</p>
<p>Gladkov said nobody was killed but two people were injured. The claim could not be independently
verified. Ukraine's government has denied any role in the incursion and said it was carried out by
Russian citizens opposed to the Kremlin.</p>
<p>Residents of Graivoron district, where the fighting took place on Monday, began returning home on
Wednesday, regional officials said.</p>
</article>
<footer>Example Daily is an invented outlet used by the eventwire demo.</footer>
</body></html>
"""


def build(path: Path) -> None:
    with path.open("wb") as out:
        writer = WARCWriter(out, gzip=True)
        url = "https://daily.example.org/world/belgorod-drones"
        req = StatusAndHeaders("GET /world/belgorod-drones HTTP/1.1", [("Host", "daily.example.org")],
                               is_http_request=True)
        writer.write_record(writer.create_warc_record(url, "request", http_headers=req))
        body = PAGE.encode("utf-8")
        headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
        writer.write_record(writer.create_warc_record(url, "response", payload=BytesIO(body), http_headers=headers))


if __name__ == "__main__":
    build(Path(__file__).resolve().parents[1] / "examples" / "wire.warc.gz")
