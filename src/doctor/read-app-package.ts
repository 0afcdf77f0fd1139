import { readFile } from "node:fs/promises";
import JSZip from "jszip";
import type { AppPackageFact } from "./doctor-facts.js";

/** The manifest inside the Teams app package (a zip with manifest.json at its root): its id and webApplicationInfo.id. */
export async function readAppPackage(path: string): Promise<AppPackageFact> {
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (error) {
    const missing = (error as NodeJS.ErrnoException).code === "ENOENT";
    return { path, manifest: { ok: false, failure: { kind: missing ? "notFound" : "error", message: (error as Error).message } } };
  }
  try {
    const entry = (await JSZip.loadAsync(bytes)).file("manifest.json");
    if (entry === null) return { path, manifest: { ok: false, failure: { kind: "error", message: "it holds no manifest.json" } } };
    const manifest = JSON.parse(await entry.async("string")) as { id?: unknown; webApplicationInfo?: { id?: unknown } };
    const text = (value: unknown) => (typeof value === "string" ? value : null);
    return { path, manifest: { ok: true, value: { id: text(manifest.id), webApplicationInfoId: text(manifest.webApplicationInfo?.id) } } };
  } catch (error) {
    return {
      path,
      manifest: { ok: false, failure: { kind: "error", message: `not a readable app package: ${(error as Error).message}` } },
    };
  }
}
