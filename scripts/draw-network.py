#!/usr/bin/env python3
"""Draw a `newsdex network` as an SVG picture, for the docs.

Reads the JSON of `newsdex --json network ...` on standard input and writes
an SVG: a force-directed layout (Fruchterman-Reingold, a fixed seed, so the
same network draws the same), nodes sized by articles and coloured by kind
(speakers blue, places orange), edges as wide as their weight, the top
nodes labelled. Pure Python: no numpy, matplotlib or Gephi needed.

    newsdex --index IDX --json network oil --nodes speaker+place --top 40 |
        python3 scripts/draw-network.py --title "Reuters-21578: oil" > oil.svg
"""

import argparse
import json
import math
import random
import sys
from html import escape

WIDTH, HEIGHT, MARGIN = 1000, 720, 70


def layout(n, edges, iterations=400, seed=7):
    """Fruchterman-Reingold positions in the unit square."""
    rng = random.Random(seed)
    pos = [[rng.random(), rng.random()] for _ in range(n)]
    k = math.sqrt(1.0 / max(n, 1)) * 1.6
    heaviest = max((w for _, _, w in edges), default=1)
    temperature = 0.1
    for _ in range(iterations):
        shift = [[0.0, 0.0] for _ in range(n)]
        for i in range(n):
            for j in range(i + 1, n):
                dx, dy = pos[i][0] - pos[j][0], pos[i][1] - pos[j][1]
                d = math.hypot(dx, dy) or 1e-4
                push = k * k / d
                shift[i][0] += dx / d * push
                shift[i][1] += dy / d * push
                shift[j][0] -= dx / d * push
                shift[j][1] -= dy / d * push
        for a, b, w in edges:
            dx, dy = pos[a][0] - pos[b][0], pos[a][1] - pos[b][1]
            d = math.hypot(dx, dy) or 1e-4
            pull = d * d / k * (0.3 + 0.7 * w / heaviest)
            shift[a][0] -= dx / d * pull
            shift[a][1] -= dy / d * pull
            shift[b][0] += dx / d * pull
            shift[b][1] += dy / d * pull
        for i in range(n):
            # A weak pull to the centre keeps loose nodes on the page.
            shift[i][0] += (0.5 - pos[i][0]) * 0.05
            shift[i][1] += (0.5 - pos[i][1]) * 0.05
            length = math.hypot(*shift[i]) or 1e-9
            step = min(length, temperature)
            pos[i][0] += shift[i][0] / length * step
            pos[i][1] += shift[i][1] / length * step
        temperature = max(temperature * 0.985, 0.002)
    xs, ys = [p[0] for p in pos], [p[1] for p in pos]
    low_x, high_x, low_y, high_y = min(xs), max(xs), min(ys), max(ys)
    return [
        (
            MARGIN + (x - low_x) / ((high_x - low_x) or 1) * (WIDTH - 2 * MARGIN),
            MARGIN + 30 + (y - low_y) / ((high_y - low_y) or 1) * (HEIGHT - 2 * MARGIN - 30),
        )
        for x, y in pos
    ]


def apart(points, radii, gap=14, rounds=300):
    """Moves overlapping circles apart, a little at a time."""
    points = [list(p) for p in points]
    for _ in range(rounds):
        moved = False
        for i in range(len(points)):
            for j in range(i + 1, len(points)):
                dx = points[i][0] - points[j][0]
                dy = points[i][1] - points[j][1]
                d = math.hypot(dx, dy) or 1e-3
                need = radii[i] + radii[j] + gap
                if d < need:
                    push = (need - d) / 2
                    points[i][0] += dx / d * push
                    points[i][1] += dy / d * push
                    points[j][0] -= dx / d * push
                    points[j][1] -= dy / d * push
                    moved = True
        for p in points:
            p[0] = min(max(p[0], MARGIN / 2), WIDTH - 190)
            p[1] = min(max(p[1], MARGIN + 20), HEIGHT - MARGIN / 2)
        if not moved:
            break
    return [tuple(p) for p in points]


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--title", default="")
    parser.add_argument("--labels", type=int, default=25, help="nodes labelled, most articles first")
    args = parser.parse_args()
    network = json.load(sys.stdin)
    nodes, edges = network["nodes"], network["edges"]
    index = {node["id"]: i for i, node in enumerate(nodes)}
    links = [(index[e["source"]], index[e["target"]], e["weight"]) for e in edges]
    points = layout(len(nodes), links)
    most = max((node["articles"] for node in nodes), default=1)
    radii = [3 + 22 * math.sqrt(node["articles"] / most) for node in nodes]
    points = apart(points, radii)
    heaviest = max((w for _, _, w in links), default=1)
    colour = {"speaker": "#2b6cb0", "place": "#dd6b20"}
    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{WIDTH}" height="{HEIGHT}" '
        f'viewBox="0 0 {WIDTH} {HEIGHT}" font-family="Helvetica, Arial, sans-serif">',
        f'<rect width="{WIDTH}" height="{HEIGHT}" fill="white"/>',
        f'<text x="{MARGIN}" y="40" font-size="22" font-weight="bold">{escape(args.title)}</text>',
        f'<text x="{MARGIN}" y="62" font-size="13" fill="#555">{len(nodes)} nodes of '
        f'{network["distinct_nodes"]:,}, {len(edges)} edges, {network["articles"]:,} articles · '
        f'node size: articles · edge width: articles in common · '
        f'<tspan fill="{colour["speaker"]}">● speaker</tspan> '
        f'<tspan fill="{colour["place"]}">● place</tspan></text>',
    ]
    for a, b, w in sorted(links, key=lambda link: link[2]):
        (x1, y1), (x2, y2) = points[a], points[b]
        width = 0.4 + 5.0 * math.sqrt(w / heaviest)
        opacity = 0.15 + 0.5 * w / heaviest
        out.append(
            f'<line x1="{x1:.1f}" y1="{y1:.1f}" x2="{x2:.1f}" y2="{y2:.1f}" '
            f'stroke="#718096" stroke-width="{width:.2f}" stroke-opacity="{opacity:.2f}"/>'
        )
    order = sorted(range(len(nodes)), key=lambda i: -nodes[i]["articles"])
    labelled = set(order[: args.labels])
    for i in reversed(order):
        node, (x, y), radius = nodes[i], points[i], radii[i]
        out.append(
            f'<circle cx="{x:.1f}" cy="{y:.1f}" r="{radius:.1f}" fill="{colour.get(node["kind"], "#666")}" '
            f'fill-opacity="0.85" stroke="white" stroke-width="1.2">'
            f'<title>{escape(node["label"])} ({node["articles"]} articles)</title></circle>'
        )
    for i in order[: args.labels]:
        node, (x, y), radius = nodes[i], points[i], radii[i]
        label = escape(node["label"].split(",")[0])
        out.append(
            f'<text x="{x + radius + 3:.1f}" y="{y + 4:.1f}" font-size="13" '
            f'stroke="white" stroke-width="3" paint-order="stroke">{label}</text>'
        )
    out.append("</svg>")
    print("\n".join(out))


if __name__ == "__main__":
    main()
