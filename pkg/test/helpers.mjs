// Paths and data the tests share. The tests run against the built package (`cargo xtask pkg`),
// imported by its own name, never against the Rust sources.
import { readFileSync, readdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import path from "node:path";

export const root = fileURLToPath(new URL("../../", import.meta.url));
export const pkg = path.join(root, "pkg");

export function read(relative) {
  return readFileSync(path.join(root, relative), "utf8");
}

/** The files of a folder of the repository, sorted. */
export function files(relative, extension) {
  return readdirSync(path.join(root, relative))
    .filter((name) => name.endsWith(extension))
    .sort()
    .map((name) => path.join(relative, name));
}

/** Fails with the errors when an answer is not a success. */
export function success(answer) {
  if (answer?.type !== "success") {
    throw new Error(`expected a success, got ${JSON.stringify(answer)}`);
  }
  return answer;
}
