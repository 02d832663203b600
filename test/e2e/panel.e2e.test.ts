/**
 * End to end, panel scoring in Chromium outside Office (the Excel adapter over the demo's
 * in-memory workbook): the Panel tab's
 * "Export rater copy" downloads a real .xlsx written in the browser (ExcelJS and JSZip chunks,
 * no Node Buffer), a rater fills it (ExcelJS in node), and "Merge returned copy" reads it back in
 * the browser and merges it. The same server and browser setup as pane.e2e.test.ts.
 */
import { execFileSync } from "child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "fs";
import { createServer, type Server } from "https";
import type { AddressInfo } from "net";
import { tmpdir } from "os";
import { extname, join, normalize } from "path";
import ExcelJS from "exceljs";
import { chromium, type Browser } from "playwright-core";
import { buildPane, ROOT } from "./build";

const CHROMIUM = "/usr/bin/chromium";
const OFFICE_DIST = join(ROOT, "node_modules", "@microsoft", "office-js", "dist");
const TYPES: Record<string, string> = { ".html": "text/html; charset=utf-8", ".js": "text/javascript; charset=utf-8", ".png": "image/png", ".xml": "application/xml" };
const describeE2E = existsSync(CHROMIUM) ? describe : describe.skip;

describeE2E("panel tab in Chromium, outside Office", () => {
  let work: string;
  let server: Server;
  let origin: string;
  let browser: Browser;

  beforeAll(async () => {
    work = mkdtempSync(join(tmpdir(), "panel-e2e-"));
    const dist = join(work, "dist");
    buildPane(dist);
    execFileSync("openssl", ["req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", join(work, "key.pem"), "-out", join(work, "cert.pem"), "-days", "1", "-subj", "/CN=localhost", "-addext", "subjectAltName=DNS:localhost,IP:127.0.0.1"], { stdio: "pipe" });
    server = createServer({ key: readFileSync(join(work, "key.pem")), cert: readFileSync(join(work, "cert.pem")) }, (req, res) => {
      const path = normalize(decodeURIComponent(new URL(req.url ?? "/", "https://localhost").pathname)).replace(/^(\.\.[/\\])+/, "");
      const file = join(dist, path === "/" ? "taskpane.html" : path);
      if (!file.startsWith(dist) || !existsSync(file)) return void res.writeHead(404).end();
      res.writeHead(200, { "content-type": TYPES[extname(file)] ?? "application/octet-stream" }).end(readFileSync(file));
    });
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    origin = `https://localhost:${(server.address() as AddressInfo).port}`;
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--ignore-certificate-errors"] });
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await new Promise((r) => (server ? server.close(r) : r(undefined)));
    if (work) rmSync(work, { recursive: true, force: true });
  });

  test("export a rater copy (download), fill it, merge it back", async () => {
    const context = await browser.newContext({ viewport: { width: 340, height: 900 }, ignoreHTTPSErrors: true, locale: "en-US", acceptDownloads: true });
    const page = await context.newPage();
    const problems: string[] = [];
    page.on("console", (m) => m.type() === "error" && problems.push(`console: ${m.text()}`));
    page.on("pageerror", (e) => problems.push(`pageerror: ${e.message}`));
    await page.route("https://appsforoffice.microsoft.com/**", async (route) => {
      const file = normalize(join(OFFICE_DIST, new URL(route.request().url()).pathname.replace(/^\/lib\/1\/hosted\//, "")));
      if (file.startsWith(OFFICE_DIST) && existsSync(file)) await route.fulfill({ status: 200, contentType: "text/javascript", body: readFileSync(file) });
      else await route.fulfill({ status: 404, body: "" });
    });
    await page.route(/^https?:\/\/(?!localhost|appsforoffice\.microsoft\.com)/, (route) => route.abort());
    await page.goto(`${origin}/taskpane.html`);

    await page.getByRole("textbox", { name: /^Vendors/ }).fill("Acme Cloud\nBrightLive");
    await page.getByRole("textbox", { name: /Raters/ }).fill("Ann, Bo");
    await page.getByRole("combobox", { name: /Combine the raters/ }).selectOption("median");
    await page.getByRole("button", { name: "Create scorecard" }).click();
    await page.getByText(/Scorecard created/).waitFor({ timeout: 20_000 });

    await page.getByRole("tab", { name: "Panel" }).click();
    await page.getByRole("button", { name: "Read the panel" }).click();
    await page.getByText("Ratings combined by: Median").waitFor({ timeout: 20_000 });
    await page.getByText(/^Kendall's W = /).waitFor();
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Export the rater copy for Bo" }).click()]);
    expect(download.suggestedFilename()).toBe("Scorecard - Bo.xlsx");
    const saved = join(work, "copy.xlsx");
    await download.saveAs(saved);

    // The rater fills a cell (ExcelJS in node stands in for Excel).
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(saved);
    const ws = wb.worksheets[0];
    expect(ws.name).toBe("Ratings - Bo");
    let row = 0;
    let col = 0;
    ws.eachRow((r, n) => {
      if (row === 0 && r.getCell(1).value === "1.1") row = n;
      r.eachCell((c, k) => void (c.value === "BrightLive" ? (col = k) : undefined));
    });
    ws.getCell(row, col).value = 88;
    const back = join(work, "bo-back.xlsx");
    await wb.xlsx.writeFile(back);

    await page.locator('input[type="file"][aria-label="Returned rater copy (.xlsx)"]').setInputFiles(back);
    await page.getByText("Returned copy from Bo (bo-back.xlsx)").waitFor({ timeout: 20_000 });
    const counts = await page.getByText(/^Cells read/).textContent();
    // The demo fills every rater's ratings, so the copy came pre-filled: the changed cell is the one conflict.
    expect(counts).toBe("Cells read 98: accepted 98, rejected 0. New ratings 0, unchanged 97, conflicts 1.");
    await page.getByText(/^BrightLive · 1\.1 .*: \d+ → 88$/).waitFor();
    await page.getByRole("button", { name: "Merge, overwrite" }).click();
    await page.getByText("Merged into Bo's sheet: 0 added, 1 overwritten, 0 kept, 97 unchanged, 0 skipped.").waitFor({ timeout: 20_000 });
    expect(problems).toEqual([]);
    await context.close();
  }, 180_000);
});
