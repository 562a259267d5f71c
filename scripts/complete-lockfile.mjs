#!/usr/bin/env node
/**
 * Adds the lock-file entries npm leaves out when a registry mirror serves only this platform's
 * builds of a package (e.g. `@next/swc-darwin-arm64`): without them `npm ci` stops with
 * "Missing: <pkg>@ from lock file" on every machine. Each added entry names the version its
 * parent pins and the platform its name declares, so npm skips it where it does not apply and
 * downloads it where it does. Run after `npm install` changes package-lock.json:
 *
 *   node scripts/complete-lockfile.mjs
 */
import { readFileSync, writeFileSync } from "node:fs";

const LOCK = new URL("../package-lock.json", import.meta.url);
const lock = JSON.parse(readFileSync(LOCK, "utf8"));

const OS = ["android", "darwin", "freebsd", "linux", "openharmony", "win32", "sunos", "aix"];
const CPU = ["arm64", "x64", "ia32", "arm", "loong64", "ppc64", "riscv64", "s390x", "wasm32"];

/** os, cpu and libc read from a platform package's name, e.g. "resolver-binding-linux-arm-musleabihf". */
function platformOf(name) {
  const parts = name.split("/").pop().split("-");
  const os = parts.find((p) => OS.includes(p));
  const cpu = parts.find((p) => CPU.includes(p));
  const libc = parts.some((p) => p.startsWith("musl"))
    ? "musl"
    : parts.some((p) => p.startsWith("gnu"))
      ? "glibc"
      : undefined;
  return {
    ...(os && { os: [os] }),
    ...(cpu && { cpu: [cpu] }),
    ...(libc && os === "linux" && { libc: [libc] }),
  };
}

let added = 0;
for (const [path, entry] of Object.entries(lock.packages)) {
  for (const [name, version] of Object.entries(entry.optionalDependencies ?? {})) {
    const base = path === "" ? "node_modules" : `${path}/node_modules`;
    const candidates = [`${base}/${name}`, `node_modules/${name}`];
    if (candidates.some((c) => lock.packages[c])) continue;
    lock.packages[`node_modules/${name}`] = { version, ...platformOf(name), optional: true };
    added += 1;
  }
}

writeFileSync(LOCK, `${JSON.stringify(lock, null, 2)}\n`);
console.log(`complete-lockfile: added ${added} platform entr${added === 1 ? "y" : "ies"}`);
