// Charts for the public pages, drawn on the server: bars are plain HTML (they follow the page's
// direction and read well in a screen reader's table beside them), the map is SVG. No JavaScript.
import { createRequire } from "node:module";
import { geoEqualEarth, geoPath } from "d3-geo";
import type { Topology } from "topojson-specification";
import { feature } from "topojson-client";
import { missionPositions } from "../../domain/reference/mission-positions.js";
import { html, type SafeHtml } from "./html.js";

export interface Bar {
  key: string;
  label: string;
  count: number | null;
  /** Shown instead of the count when small-cell protection hides it. */
  range?: string;
}

const shown = (bar: Bar, format: Intl.NumberFormat) =>
  bar.count === null ? (bar.range ?? "") : format.format(bar.count);

/** A page's big number, with what it counts beneath it (a figure alone says nothing). */
export function headline(value: number, counted: string, format: Intl.NumberFormat): SafeHtml {
  return html`<p class="headline">${format.format(value)}</p><p class="meta">${counted}</p>`;
}

/** Horizontal bars, longest first as given; each bar's width is its share of the largest. */
export function barChart(bars: Bar[], format: Intl.NumberFormat): SafeHtml {
  const largest = Math.max(1, ...bars.map((bar) => bar.count ?? 0));
  return html`<div class="bars" aria-hidden="true">${bars.map(
    (bar) =>
      html`<div class="bar-row"><span class="bar-label">${bar.label}</span><span class="bar-track"><span class="bar" style="inline-size:${((100 * (bar.count ?? 0)) / largest).toFixed(1)}%"></span></span><span class="bar-value">${shown(bar, format)}</span></div>`,
  )}</div>`;
}

/** Vertical bars by year, oldest first. */
export function trendChart(bars: Bar[], format: Intl.NumberFormat): SafeHtml {
  const largest = Math.max(1, ...bars.map((bar) => bar.count ?? 0));
  return html`<div class="trend" aria-hidden="true">${bars.map(
    (bar) =>
      html`<div class="trend-col"><span class="trend-value">${shown(bar, format)}</span><span class="trend-bar" style="block-size:${((100 * (bar.count ?? 0)) / largest).toFixed(1)}%"></span><span class="trend-label">${bar.label}</span></div>`,
  )}</div>`;
}

const MAP_WIDTH = 960;
const MAP_HEIGHT = 470;
const projection = geoEqualEarth().fitExtent(
  [
    [4, 4],
    [MAP_WIDTH - 4, MAP_HEIGHT - 4],
  ],
  { type: "Sphere" },
);

let landSvg: string | null = null;

/** The land of the world as one SVG file, drawn once (Natural Earth 1:110m). */
export function worldSvg(): string {
  if (landSvg) return landSvg;
  const require = createRequire(import.meta.url);
  const topology = require("world-atlas/land-110m.json") as Topology;
  const land = feature(topology, topology.objects.land);
  const path = geoPath(projection).digits(1);
  landSvg = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${MAP_WIDTH} ${MAP_HEIGHT}"><path d="${path({ type: "Sphere" })}" fill="#e7f5ff"/><path d="${path(land)}" fill="#ced4da" stroke="#fff" stroke-width=".5"/></svg>`;
  return landSvg;
}

/** Missions as circles on the world map, sized by their count (area proportional to it). */
export function missionMap(bars: Bar[], title: string, format: Intl.NumberFormat): SafeHtml {
  const placed = bars.flatMap((bar) => {
    const position = missionPositions[bar.key];
    const point = position ? projection(position) : null;
    return point && (bar.count ?? 1) > 0 ? [{ bar, x: point[0], y: point[1] }] : [];
  });
  const largest = Math.max(1, ...placed.map(({ bar }) => bar.count ?? 1));
  // Largest first, so that small circles stay on top and can be seen.
  placed.sort((a, b) => (b.bar.count ?? 1) - (a.bar.count ?? 1));
  return html`<svg class="map" viewBox="0 0 ${MAP_WIDTH} ${MAP_HEIGHT}" role="img" aria-label="${title}" dir="ltr"><image href="/data/world.svg" width="${MAP_WIDTH}" height="${MAP_HEIGHT}"/>${placed.map(
    ({ bar, x, y }) => {
      const radius = 4 + 26 * Math.sqrt((bar.count ?? 1) / largest);
      return html`<g><title>${bar.label}: ${shown(bar, format)}</title><circle cx="${x.toFixed(1)}" cy="${y.toFixed(1)}" r="${radius.toFixed(1)}" fill="#1864ab" fill-opacity=".55" stroke="#0b3d6b"/><text x="${x.toFixed(1)}" y="${(y - radius - 3).toFixed(1)}" text-anchor="middle" font-size="12" fill="#0b3d6b">${bar.key}</text></g>`;
    },
  )}</svg>`;
}

let countryShapes: Map<string, string> | null = null;

/** Each country's outline as an SVG path, by ISO alpha-3 code, drawn once. */
function countryPaths(): Map<string, string> {
  if (countryShapes) return countryShapes;
  const require = createRequire(import.meta.url);
  const topology = require("world-atlas/countries-110m.json") as Topology;
  const countriesLib = require("i18n-iso-countries") as { numericToAlpha3(code: string): string | undefined };
  const path = geoPath(projection).digits(1);
  const collection = feature(topology, topology.objects.countries) as unknown as {
    features: { id?: string | number; geometry: unknown }[];
  };
  countryShapes = new Map();
  for (const shape of collection.features) {
    const alpha3 = shape.id === undefined ? undefined : countriesLib.numericToAlpha3(String(shape.id).padStart(3, "0"));
    const drawn = path(shape as Parameters<typeof path>[0]);
    if (alpha3 && drawn) countryShapes.set(alpha3, drawn);
  }
  return countryShapes;
}

/** The world with the given countries filled in, each named in its tooltip. */
export function countryMap(countries: { code: string; label: string }[], title: string): SafeHtml {
  const paths = countryPaths();
  return html`<svg class="map" viewBox="0 0 ${MAP_WIDTH} ${MAP_HEIGHT}" role="img" aria-label="${title}" dir="ltr"><image href="/data/world.svg" width="${MAP_WIDTH}" height="${MAP_HEIGHT}"/>${countries.flatMap(
    (country) => {
      const drawn = paths.get(country.code);
      return drawn
        ? [
            html`<path d="${drawn}" fill="#1864ab" fill-opacity=".75" stroke="#fff" stroke-width=".5"><title>${country.label}</title></path>`,
          ]
        : [];
    },
  )}</svg>`;
}
