// A screenshot of a page in the system's Chromium (puppeteer-core: never downloads a browser),
// for the docs: the viewport at WIDTH x HEIGHT, scrolled so that SELECTOR (if given) is near the
// top, after every image has loaded.
//
//   CHROME_PATH=/usr/bin/chromium node shot.mjs URL OUT.png WIDTH HEIGHT [SELECTOR]
//
// With SITE_BASE=https://outlet.example and SITE_DIR=/folder/of/bundles, requests to the
// outlet's address are answered from that folder (the related stories' thumbnails, as the site
// would serve them once online); nothing else leaves the machine.

import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import puppeteer from "puppeteer-core";

const [url, out, width, height, selector] = process.argv.slice(2);
if (!url || !out || !Number(width) || !Number(height)) {
  console.error("usage: node shot.mjs URL OUT.png WIDTH HEIGHT [SELECTOR]");
  process.exit(2);
}
const profile = mkdtempSync(join(tmpdir(), "page-shot-"));
const browser = await puppeteer.launch({
  executablePath: process.env.CHROME_PATH || "/usr/bin/chromium",
  headless: true,
  userDataDir: profile,
  args: ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--hide-scrollbars"],
});
try {
  const page = await browser.newPage();
  await page.setViewport({ width: Number(width), height: Number(height) });
  const base = process.env.SITE_BASE;
  const dir = process.env.SITE_DIR;
  if (base && dir) {
    const types = { ".jpg": "image/jpeg", ".webp": "image/webp", ".css": "text/css",
      ".html": "text/html", ".png": "image/png", ".svg": "image/svg+xml", ".ico": "image/x-icon" };
    await page.setRequestInterception(true);
    page.on("request", (request) => {
      const url = request.url();
      if (!url.startsWith(base + "/")) return request.continue();
      const path = join(dir, decodeURIComponent(new URL(url).pathname));
      const ext = path.slice(path.lastIndexOf("."));
      if (!existsSync(path)) return request.respond({ status: 404, body: "" });
      return request.respond({ status: 200, contentType: types[ext] || "application/octet-stream",
        body: readFileSync(path) });
    });
  }
  await page.goto(url, { waitUntil: "load", timeout: 30000 });
  await page.evaluate(async () => {
    for (const img of document.images) {
      img.loading = "eager";
      if (!img.complete) {
        await new Promise((done) => {
          img.addEventListener("load", done, { once: true });
          img.addEventListener("error", done, { once: true });
          setTimeout(done, 5000);
        });
      }
    }
  });
  if (selector) {
    const found = await page.evaluate((sel) => {
      const el = document.querySelector(sel);
      if (!el) return false;
      window.scrollTo(0, Math.max(0, el.getBoundingClientRect().top + window.scrollY - 160));
      return true;
    }, selector);
    if (!found) throw new Error(`no ${selector} on ${url}`);
  }
  await page.screenshot({ path: out });
} finally {
  await browser.close();
  rmSync(profile, { recursive: true, force: true });
}
