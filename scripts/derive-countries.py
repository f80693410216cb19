#!/usr/bin/env python3
"""Derive data/countries-110m.tsv, the country shapes `newsdex map` draws.

    npm pack world-atlas@2.0.2 && tar xzf world-atlas-2.0.2.tgz
    scripts/derive-countries.py package/countries-110m.json \
        ../shared/gazetteer/countryInfo.tsv > data/countries-110m.tsv

Input: the 1:110m countries of Natural Earth (public domain) as TopoJSON in
the world-atlas package (ISC, Mike Bostock), and GeoNames' countryInfo (CC BY
4.0) to give each shape the ISO code and the GeoNames name newsdex's
`country` facet uses. Output, one country a line:

    ISO2 <TAB> GeoNames name <TAB> polygons

polygons are separated by `|`, a polygon's rings (outer first) by `;`, a
ring's points by spaces, each `lon,lat` in degrees with two decimals.
Shapes without an ISO numeric code GeoNames knows (Kosovo, northern Cyprus,
Somaliland) are left out and listed on stderr.
"""
import json
import sys


def rings_of(topology):
    scale = topology["transform"]["scale"]
    translate = topology["transform"]["translate"]
    arcs = []
    for arc in topology["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x += dx
            y += dy
            points.append((x * scale[0] + translate[0], y * scale[1] + translate[1]))
        arcs.append(points)

    def ring(indexes):
        points = []
        for i in indexes:
            arc = arcs[i] if i >= 0 else list(reversed(arcs[~i]))
            points.extend(arc if not points else arc[1:])
        return points

    return ring


def main():
    topology = json.load(open(sys.argv[1]))
    by_numeric = {}
    for line in open(sys.argv[2], encoding="utf-8"):
        if line.startswith("#") or not line.strip():
            continue
        fields = line.rstrip("\n").split("\t")
        by_numeric[fields[2].lstrip("0")] = (fields[0], fields[4])
    ring = rings_of(topology)
    out = {}
    for geometry in topology["objects"]["countries"]["geometries"]:
        name = geometry["properties"]["name"]
        found = by_numeric.get(str(geometry.get("id", "")).lstrip("0"))
        if not found:
            print(f"left out: {name} (id {geometry.get('id')})", file=sys.stderr)
            continue
        polygons = geometry["arcs"] if geometry["type"] == "MultiPolygon" else [geometry["arcs"]]
        text = "|".join(
            ";".join(
                " ".join(f"{x:.2f},{y:.2f}" for x, y in ring(r)) for r in polygon
            )
            for polygon in polygons
        )
        code, geonames_name = found
        out.setdefault(code, [geonames_name, []])[1].append(text)
    for code in sorted(out):
        name, parts = out[code]
        print(f"{code}\t{name}\t{'|'.join(parts)}")


if __name__ == "__main__":
    main()
