/**
 * Redraws manifest/color.png and manifest/outline.png, the two icons every Teams app package
 * needs: a white shield with a tick, for "your account is protected". Run after `npm run build`
 * with `node dist/scripts/draw-icons.js`.
 */
import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { findProjectRoot } from "../src/packaging/find-project-root.js";
import { encodePng } from "./encode-png.js";

type Rgb = readonly [number, number, number];
/** Answers whether the point (x, y), in fractions of the icon's width and height, is inside. */
type Shape = (x: number, y: number) => boolean;

// Same blue as the manifest's accentColor, so the tile and its surround match.
const accent: Rgb = [0x0f, 0x6c, 0xbd];
const white: Rgb = [0xff, 0xff, 0xff];
const tint: Rgb = [0xdc, 0xeb, 0xf8];

/** A heraldic shield: flat sides, shoulders dipping slightly, curving to a point at `bottom`. */
function shield(top: number, bottom: number, halfWidth: number): Shape {
  const waist = top + (bottom - top) * 0.5;
  return (x, y) => {
    const u = Math.abs(x - 0.5) / halfWidth;
    if (u > 1 || y < top + 0.04 * (bottom - top) * u * u || y > bottom) return false;
    if (y <= waist) return true;
    const t = (y - waist) / (bottom - waist);
    return u <= 1 - t * t;
  };
}

/** The band of `shape` within `width` of its edge, for an even stroke around a curved outline. */
function border(shape: Shape, width: number): Shape {
  const probes = Array.from(
    { length: 24 },
    (_, i) => [Math.cos((i * Math.PI) / 12) * width, Math.sin((i * Math.PI) / 12) * width] as const,
  );
  return (x, y) => shape(x, y) && probes.some(([dx, dy]) => !shape(x + dx, y + dy));
}

/** A tick drawn as two round-ended strokes of the given thickness. */
function tick(points: readonly [number, number][], thickness: number): Shape {
  return (x, y) => {
    for (let i = 1; i < points.length; i++) {
      const [ax, ay] = points[i - 1] ?? [0, 0];
      const [bx, by] = points[i] ?? [0, 0];
      const along = Math.max(0, Math.min(1, ((x - ax) * (bx - ax) + (y - ay) * (by - ay)) / ((bx - ax) ** 2 + (by - ay) ** 2)));
      if (Math.hypot(x - (ax + along * (bx - ax)), y - (ay + along * (by - ay))) <= thickness / 2) return true;
    }
    return false;
  };
}

/**
 * Samples each pixel `samples`² times. `paint` returns a colour and opacity (0 to 1) for a point;
 * `binaryAlpha` rounds coverage to fully on or off, because the outline icon may hold only white
 * and fully transparent pixels.
 */
function rasterise(size: number, paint: (x: number, y: number) => [Rgb, number], binaryAlpha = false, samples = 6): Uint8Array {
  const pixels = new Uint8Array(size * size * 4);
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let r = 0,
        g = 0,
        b = 0,
        a = 0;
      for (let sy = 0; sy < samples; sy++) {
        for (let sx = 0; sx < samples; sx++) {
          const [rgb, alpha] = paint((px + (sx + 0.5) / samples) / size, (py + (sy + 0.5) / samples) / size);
          r += rgb[0] * alpha;
          g += rgb[1] * alpha;
          b += rgb[2] * alpha;
          a += alpha;
        }
      }
      const coverage = a / samples ** 2;
      const alpha = binaryAlpha ? (coverage >= 0.5 ? 1 : 0) : coverage;
      const at = (py * size + px) * 4;
      // Store straight (not premultiplied) colour, as PNG expects.
      pixels.set(a === 0 ? [255, 255, 255, 0] : [r / a, g / a, b / a, alpha * 255].map(Math.round), at);
    }
  }
  return pixels;
}

// 192x192, full bleed; Teams masks the corners itself and wants the mark within the central 120x120.
function drawColorIcon(): Buffer {
  const body = shield(0.2, 0.8, 0.24);
  const mark = tick(
    [
      [0.395, 0.5],
      [0.47, 0.575],
      [0.615, 0.42],
    ],
    0.06,
  );
  return encodePng(
    192,
    192,
    rasterise(192, (x, y) => {
      if (mark(x, y)) return [accent, 1];
      if (body(x, y)) return [x < 0.5 ? white : tint, 1];
      return [accent, 1];
    }),
  );
}

// 32x32, white on transparent: the app bar tints it, so it carries shape only.
function drawOutlineIcon(): Buffer {
  const edge = border(shield(0.06, 0.96, 0.4), 0.085);
  const mark = tick(
    [
      [0.34, 0.5],
      [0.45, 0.61],
      [0.66, 0.39],
    ],
    0.1,
  );
  return encodePng(
    32,
    32,
    rasterise(32, (x, y) => [white, edge(x, y) || mark(x, y) ? 1 : 0], true),
  );
}

const manifestDir = join(findProjectRoot(import.meta.url), "manifest");
for (const [name, png] of [
  ["color.png", drawColorIcon()],
  ["outline.png", drawOutlineIcon()],
] as const) {
  const path = join(manifestDir, name);
  await writeFile(path, png);
  console.log(`Wrote ${path} (${png.length} bytes).`);
}
