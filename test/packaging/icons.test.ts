import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { findProjectRoot } from "../../src/packaging/find-project-root.js";
import { decodePng } from "./decode-png.js";

const manifestDir = join(findProjectRoot(import.meta.url), "manifest");
const readIcon = async (name: string) => decodePng(await readFile(join(manifestDir, name)));

describe("the app icons", () => {
  it("are 192x192 for color.png and 32x32 for outline.png, the sizes Teams requires", async () => {
    const color = await readIcon("color.png");
    const outline = await readIcon("outline.png");
    expect([color.width, color.height]).toEqual([192, 192]);
    expect([outline.width, outline.height]).toEqual([32, 32]);
  });

  it("draw the outline icon in white on a transparent background and nothing else", async () => {
    const { rgba } = await readIcon("outline.png");
    let white = 0;
    let transparent = 0;
    const others: string[] = [];
    for (let p = 0; p < rgba.length; p += 4) {
      const [r, g, b, a] = rgba.subarray(p, p + 4);
      if (a === 0) transparent++;
      else if (r === 255 && g === 255 && b === 255) white++;
      else others.push(`pixel ${p / 4}: rgba(${r}, ${g}, ${b}, ${a})`);
    }
    expect(others.length, others.slice(0, 5).join("; ")).toBe(0);
    // A blank or solid icon would pass the colour rule; it must also show a shape.
    expect(white).toBeGreaterThan(100);
    expect(transparent).toBeGreaterThan(100);
  });

  it("fill the whole square of the colour icon, since Teams masks its corners itself", async () => {
    const { rgba } = await readIcon("color.png");
    const seeThrough = rgba.filter((_, i) => i % 4 === 3 && rgba[i] !== 255).length;
    expect(seeThrough).toBe(0);
  });
});
