"""Write data/geo/admin_points.tsv rows from a GeoNames dump (allCountries.txt or a country file).

Usage: python scripts/admin_points_from_geonames.py allCountries.txt > src/eventwire/data/geo/admin_points.tsv
Keeps the header comment of the shipped file and one row per ADM1/ADM2 entry: geonameid, lat, lon, name.
GeoNames data is CC BY 4.0 (geonames.org); credit it where the file is used.
"""

from __future__ import annotations

import sys
from pathlib import Path

HEADER = Path(__file__).resolve().parents[1] / "src" / "eventwire" / "data" / "geo" / "admin_points.tsv"
FEATURE_CODES = frozenset({"ADM1", "ADM2"})


def main(dump: str) -> None:
    out = sys.stdout
    out.writelines(line for line in HEADER.read_text(encoding="utf-8").splitlines(keepends=True)
                   if line.startswith("#"))
    with open(dump, encoding="utf-8") as fh:
        for line in fh:
            cols = line.rstrip("\n").split("\t")
            if len(cols) > 7 and cols[6] == "A" and cols[7] in FEATURE_CODES:
                out.write(f"{cols[0]}\t{cols[4]}\t{cols[5]}\t{cols[1]}\n")


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    main(sys.argv[1])
