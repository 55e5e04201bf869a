// Runs axe-core (every rule, WCAG 2.x A/AA and best practices) in pages opened by the system's
// Chromium through puppeteer-core, which never downloads a browser.
//
//   CHROME_PATH=/usr/bin/chromium node axe.mjs --width 1280 --width 390 URL...
//
// Prints one JSON object on stdout: {"axe": version, "pages": [{url, width, violations:
// [{id, impact, help, helpUrl, nodes: [{target, html, failureSummary}]}]}]}. Exit 0 when every
// page was checked (whatever it found), 2 on bad usage, 1 when a page could not be checked.

import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import puppeteer from "puppeteer-core";

const require = createRequire(import.meta.url);
const axeSource = readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");

const urls = [];
const widths = [];
const args = process.argv.slice(2);
for (let i = 0; i < args.length; i++) {
  if (args[i] === "--width") widths.push(Number(args[++i]));
  else urls.push(args[i]);
}
if (urls.length === 0 || widths.some((w) => !Number.isInteger(w) || w < 200)) {
  console.error("usage: node axe.mjs [--width PX]... URL...");
  process.exit(2);
}
if (widths.length === 0) widths.push(1280);
const executablePath = process.env.CHROME_PATH || "/usr/bin/chromium";

const profile = mkdtempSync(join(tmpdir(), "page-audit-axe-"));
const browser = await puppeteer.launch({
  executablePath,
  headless: true,
  userDataDir: profile,
  args: [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-quic",
  ],
});
const pages = [];
let failed = false;
try {
  const page = await browser.newPage();
  await page.setCacheEnabled(false);
  for (const url of urls) {
    for (const width of widths) {
      await page.setViewport({ width, height: 900 });
      const response = await page.goto(url, { waitUntil: "load", timeout: 30000 });
      if (!response || !response.ok()) {
        console.error(`axe: ${url}: HTTP ${response ? response.status() : "no response"}`);
        failed = true;
        continue;
      }
      await page.evaluate(axeSource);
      const result = await page.evaluate(async () => {
        // eslint-disable-next-line no-undef
        return await axe.run(document, { resultTypes: ["violations"] });
      });
      pages.push({
        url,
        width,
        violations: result.violations.map((v) => ({
          id: v.id,
          impact: v.impact,
          help: v.help,
          helpUrl: v.helpUrl,
          nodes: v.nodes.map((n) => ({
            target: n.target,
            html: n.html,
            failureSummary: n.failureSummary,
          })),
        })),
      });
    }
  }
} finally {
  await browser.close();
  rmSync(profile, { recursive: true, force: true });
}
const axeVersion = JSON.parse(
  readFileSync(require.resolve("axe-core/package.json"), "utf8"),
).version;
process.stdout.write(JSON.stringify({ axe: axeVersion, pages }) + "\n");
process.exit(failed ? 1 : 0);
