/**
 * End to end: the production bundle served over HTTPS (self-signed certificate made with openssl),
 * office.js answered from node_modules/@microsoft/office-js/dist instead of the CDN, Debian's
 * Chromium at 340 px. Outside Office the pane must show the demo banner, switch language and
 * create a scorecard through the Excel adapter over the demo's in-memory workbook without a
 * console error.
 */
import { execFileSync } from "child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from "fs";
import { createServer, type Server } from "https";
import type { AddressInfo } from "net";
import { tmpdir } from "os";
import { extname, join, normalize } from "path";
import { chromium, type Browser, type Page } from "playwright-core";
import { buildPane, bundleReport, ROOT } from "./build";
import { translator } from "../../src/i18n";

const CHROMIUM = "/usr/bin/chromium";
const OFFICE_DIST = join(ROOT, "node_modules", "@microsoft", "office-js", "dist");
const OUTPUT = join(ROOT, "test-output");
const WIDTH = 340;
/** What the pane says after creating a single-rater scorecard: every sheet the adapter wrote. */
const CREATED = "Scorecard created: Ratings, Weights, Results, Charts, Method.";

const TYPES: Record<string, string> = { ".html": "text/html; charset=utf-8", ".js": "text/javascript; charset=utf-8", ".png": "image/png", ".xml": "application/xml", ".txt": "text/plain" };

const haveChromium = existsSync(CHROMIUM);
if (!haveChromium) console.warn(`Skipping the pane e2e test: ${CHROMIUM} is absent (apt-get install chromium).`);
const describeE2E = haveChromium ? describe : describe.skip;

describeE2E("task pane in Chromium, outside Office", () => {
  let work: string;
  let dist: string;
  let server: Server;
  let origin: string;
  let browser: Browser;

  beforeAll(async () => {
    work = mkdtempSync(join(tmpdir(), "pane-e2e-"));
    dist = join(work, "dist");
    buildPane(dist);
    execFileSync("openssl", ["req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", join(work, "key.pem"), "-out", join(work, "cert.pem"), "-days", "1", "-subj", "/CN=localhost", "-addext", "subjectAltName=DNS:localhost,IP:127.0.0.1"], { stdio: "pipe" });
    server = createServer({ key: readFileSync(join(work, "key.pem")), cert: readFileSync(join(work, "cert.pem")) }, (req, res) => {
      const path = normalize(decodeURIComponent(new URL(req.url ?? "/", "https://localhost").pathname)).replace(/^(\.\.[/\\])+/, "");
      const file = join(dist, path === "/" ? "taskpane.html" : path);
      if (!file.startsWith(dist) || !existsSync(file)) {
        res.writeHead(404).end();
        return;
      }
      res.writeHead(200, { "content-type": TYPES[extname(file)] ?? "application/octet-stream" }).end(readFileSync(file));
    });
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    origin = `https://localhost:${(server.address() as AddressInfo).port}`;
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--ignore-certificate-errors"],
    });
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await new Promise((r) => (server ? server.close(r) : r(undefined)));
    if (work) rmSync(work, { recursive: true, force: true });
  });

  async function openPane(query = ""): Promise<{ page: Page; problems: string[]; requests: string[] }> {
    const context = await browser.newContext({ viewport: { width: WIDTH, height: 900 }, ignoreHTTPSErrors: true, locale: "en-US" });
    const page = await context.newPage();
    const problems: string[] = [];
    const requests: string[] = [];
    page.on("console", (m) => m.type() === "error" && problems.push(`console: ${m.text()}`));
    page.on("pageerror", (e) => problems.push(`pageerror: ${e.message}`));
    page.on("request", (r) => requests.push(r.url()));
    await page.route("https://appsforoffice.microsoft.com/**", async (route) => {
      const rel = new URL(route.request().url()).pathname.replace(/^\/lib\/1\/hosted\//, "");
      const file = normalize(join(OFFICE_DIST, rel));
      if (file.startsWith(OFFICE_DIST) && existsSync(file)) await route.fulfill({ status: 200, contentType: "text/javascript", body: readFileSync(file) });
      else await route.fulfill({ status: 404, body: "" });
    });
    // Nothing else may leave the machine.
    await page.route(/^https?:\/\/(?!localhost|appsforoffice\.microsoft\.com)/, (route) => route.abort());
    await page.goto(`${origin}/taskpane.html${query}`);
    return { page, problems, requests };
  }

  async function noHorizontalScroll(page: Page): Promise<void> {
    const { scroll, client, wide } = await page.evaluate(() => {
      const client = document.documentElement.clientWidth;
      // The outermost elements that stick out, to name the culprit when this fails.
      const wide = Array.from(document.querySelectorAll("body *"))
        .filter((el) => el.getBoundingClientRect().right > client + 0.5 && !(el.parentElement && el.parentElement.getBoundingClientRect().right > client + 0.5))
        .map((el) => `${el.tagName.toLowerCase()}.${String(el.className).slice(0, 40)} right=${Math.round(el.getBoundingClientRect().right)}`);
      return { scroll: document.documentElement.scrollWidth, client, wide };
    });
    expect({ scroll: scroll <= client, wide }).toEqual({ scroll: true, wide: [] });
  }

  test("renders with the demo banner, switches language, creates a scorecard, checks it; no console errors", async () => {
    const { page, problems, requests } = await openPane();
    await page.getByText("Not running inside Excel — demo data").waitFor({ timeout: 30_000 });
    expect(requests.some((u) => u.startsWith("https://appsforoffice.microsoft.com/lib/1/hosted/office.js"))).toBe(true);
    await noHorizontalScroll(page);

    // Language: to Chinese and back.
    await page.getByRole("combobox", { name: "Language" }).selectOption("zh-CN");
    await page.getByText("未在 Excel 中运行——演示数据").waitFor();
    await page.getByRole("heading", { name: "供应商评分卡" }).waitFor();
    await noHorizontalScroll(page);
    await page.getByRole("combobox", { name: "语言" }).selectOption("en-US");
    await page.getByRole("heading", { name: "Vendor Scorecard" }).waitFor();

    // New workbook flow, with keyboard for the text.
    await page.getByRole("textbox", { name: /^Vendors/ }).click();
    await page.keyboard.type("Acme Cloud\nBrightLive, Acme Cloud\nCoStream\n");
    await page.getByText("3 vendors · Listed more than once (kept once): Acme Cloud").waitFor();
    await page.getByRole("textbox", { name: /Raters/ }).fill("Lin, Wang");
    await page.getByRole("button", { name: "Create scorecard" }).click();
    await page.getByRole("progressbar").waitFor();
    await page.getByText("Scorecard created: Ratings - Lin, Ratings - Wang, Consolidated, Moderation, Weights, Results, Charts, Method.").waitFor({ timeout: 20_000 });
    await noHorizontalScroll(page);
    mkdirSync(OUTPUT, { recursive: true });
    await page.screenshot({ path: join(OUTPUT, "pane.png"), fullPage: true });

    // Weights tab, reached and used with the keyboard only.
    await page.getByRole("tab", { name: "New" }).focus();
    await page.keyboard.press("ArrowRight");
    await page.keyboard.press("Enter");
    await page.getByText("Weights under “3 Service” sum to 110%", { exact: false }).waitFor();
    await page.getByRole("treeitem", { name: /^1 Product/ }).focus();
    await page.keyboard.press("ArrowDown");
    await page.keyboard.press("ArrowDown");
    await page.keyboard.press("Enter"); // opens "3 Service" and selects it
    await page.getByRole("region", { name: "Selected indicator 3" }).waitFor();
    await page.keyboard.press("ArrowDown");
    await page.keyboard.press("Enter");
    await page.getByRole("region", { name: "Selected indicator 3.1" }).waitFor();
    await page.getByRole("textbox", { name: /Weight/ }).focus();
    await page.keyboard.press("Control+A");
    await page.keyboard.type("10");
    await page.getByRole("treeitem", { name: /^3 Service/ }).getByText("Sum 100%").first().waitFor();
    await noHorizontalScroll(page);
    await page.screenshot({ path: join(OUTPUT, "pane-weights.png"), fullPage: true });

    // Check & score: the radar chunk is fetched only when asked for.
    await page.getByRole("tab", { name: "Check & score" }).click();
    await page.getByRole("button", { name: "Check workbook" }).click();
    await page.getByRole("table", { name: "Ranking" }).waitFor({ timeout: 20_000 });
    const radarChunk = bundleReport(dist).lazy.find((f) => f.file.startsWith("radar."))?.file;
    expect(radarChunk).toBeDefined();
    expect(requests.some((u) => u.endsWith(`/${radarChunk}`))).toBe(false);
    await page.getByRole("button", { name: "Show radar preview" }).click();
    await page.getByRole("img", { name: "Dimension scores of the top 3" }).waitFor();
    expect(requests.some((u) => u.endsWith(`/${radarChunk}`))).toBe(true);
    await noHorizontalScroll(page);
    await page.screenshot({ path: join(OUTPUT, "pane-check.png"), fullPage: true });

    expect(problems).toEqual([]);
    await page.context().close();
  }, 120_000);

  test("imports pasted ratings: preview, conflict choice, write, report link, undo", async () => {
    const { page, problems } = await openPane();
    await page.getByRole("textbox", { name: /^Vendors/ }).fill("Acme Cloud\nBrightLive");
    await page.getByRole("button", { name: "Create scorecard" }).click();
    await page.getByText(CREATED).waitFor({ timeout: 20_000 });
    await page.getByRole("tab", { name: "Import" }).click();
    await page.getByRole("textbox", { name: "Or paste ratings (header row first)" }).fill("Vendor\tIndicator\tScore\nAcme Cloud\t1.1\t12\nNewCo\t1.2\t70\nNewCo\t9.9\t70\n");
    await page.getByRole("button", { name: "Read pasted text" }).click();
    await page.getByText("Line 4: indicator “9.9” is not in this standard").waitFor({ timeout: 20_000 });
    await page.getByText(/New vendors \(1\): NewCo/).waitFor();
    await page.getByRole("radio", { name: "Overwrite (logged, can be undone)" }).check();
    expect(await page.getByRole("link", { name: "Download report (CSV)" }).getAttribute("download")).toBe("import-report.csv");
    await noHorizontalScroll(page);
    await page.screenshot({ path: join(OUTPUT, "pane-import.png"), fullPage: true });
    await page.getByRole("button", { name: "Import 2 ratings" }).click();
    await page.getByText(/Imported: 1 new, 1 overwritten/).waitFor({ timeout: 20_000 });
    await page.getByRole("button", { name: "Show earlier imports" }).click();
    await page.getByRole("button", { name: "Undo import" }).click();
    await page.getByText("Import undone: 2 cells set back.").waitFor({ timeout: 20_000 });
    await noHorizontalScroll(page);
    expect(problems).toEqual([]);
    await page.context().close();
  }, 120_000);

  /** Visible text whose colour has less than WCAG AA contrast (4.5:1; 3:1 for large text) with the background behind it. */
  async function lowContrastText(page: Page): Promise<string[]> {
    return page.evaluate(() => {
      const rgba = (c: string): number[] => (c.match(/[\d.]+/g) ?? []).map(Number);
      const lum = ([r, g, b]: number[]): number => {
        const f = (v: number): number => ((v /= 255) <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4);
        return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b);
      };
      const behind = (el: Element | null): number[] => {
        for (let e = el; e; e = e.parentElement) {
          const c = rgba(getComputedStyle(e).backgroundColor);
          if (c.length >= 3 && (c[3] ?? 1) > 0.5) return c;
        }
        return [255, 255, 255];
      };
      const out: string[] = [];
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        const el = n.parentElement;
        const text = (n.textContent ?? "").trim();
        if (!el || text === "" || el.closest("[aria-hidden=true]")) continue;
        const style = getComputedStyle(el);
        const box = el.getBoundingClientRect();
        if (style.visibility === "hidden" || box.width === 0 || box.height === 0 || el.closest("button[disabled],[aria-disabled=true]")) continue;
        const [fg, bg] = [lum(rgba(style.color)), lum(behind(el))];
        const ratio = (Math.max(fg, bg) + 0.05) / (Math.min(fg, bg) + 0.05);
        const large = parseFloat(style.fontSize) >= 24 || (parseFloat(style.fontSize) >= 18.66 && Number(style.fontWeight) >= 700);
        if (ratio < (large ? 3 : 4.5)) out.push(`${text.slice(0, 40)} (${ratio.toFixed(2)}:1)`);
      }
      return out;
    });
  }

  test("dark theme via ?theme=dark: a dark background and readable text, before and after creating a scorecard", async () => {
    const { page, problems } = await openPane("?theme=dark");
    await page.getByText("Not running inside Excel — demo data").waitFor({ timeout: 30_000 });
    // Colours are measured at rest: no half-finished transition (a button turning enabled).
    await page.addStyleTag({ content: "*, *::before, *::after { transition: none !important; animation: none !important; }" });
    await page.locator("button:not([disabled])", { hasText: "Create scorecard" }).waitFor();
    const background = await page.evaluate(() => getComputedStyle(document.querySelector(".fui-FluentProvider") as Element).backgroundColor);
    const [r, g, b] = (background.match(/\d+/g) ?? []).map(Number);
    expect(0.2126 * r + 0.7152 * g + 0.0722 * b).toBeLessThan(64);
    expect(await lowContrastText(page)).toEqual([]);
    await page.getByRole("textbox", { name: /^Vendors/ }).fill("Acme Cloud\nBrightLive");
    await page.getByRole("button", { name: "Create scorecard" }).click();
    await page.getByText(CREATED).waitFor({ timeout: 20_000 });
    expect(await lowContrastText(page)).toEqual([]);
    mkdirSync(OUTPUT, { recursive: true });
    await page.screenshot({ path: join(OUTPUT, "pane-dark.png"), fullPage: true });
    await page.getByRole("tab", { name: "Check & score" }).click();
    await page.getByRole("button", { name: "Check workbook" }).click();
    await page.getByRole("table", { name: "Ranking" }).waitFor({ timeout: 20_000 });
    expect(await lowContrastText(page)).toEqual([]);
    await page.screenshot({ path: join(OUTPUT, "pane-dark-check.png"), fullPage: true });
    // The check itself finds grey on grey.
    await page.evaluate(() => document.body.insertAdjacentHTML("beforeend", '<p style="color:#777;background:#5a5a5a">contrast probe</p>'));
    expect(await lowContrastText(page)).toEqual([expect.stringMatching(/^contrast probe \(1\.\d\d:1\)$/)]);
    expect(problems).toEqual([]);
    await page.context().close();
  }, 90_000);

  test.each(["en-US", "zh-CN"] as const)("%s: the award, maturity, pairwise and what-if views at 340 px; no console errors, no horizontal scroll", async (lang) => {
    const t = translator(lang);
    const { page, problems } = await openPane(`?lang=${lang}`);
    await page.getByRole("heading", { name: t("app.title") }).waitFor({ timeout: 30_000 });
    await page.getByRole("textbox", { name: new RegExp(`^${t("new.vendors")}`) }).fill("Acme Cloud\nBrightLive\nCoStream");
    await page.getByRole("checkbox", { name: t("new.price") }).check();
    await page.getByRole("combobox", { name: t("new.maturity") }).selectOption({ label: t("new.maturity.marketing") });
    await page.getByRole("button", { name: t("new.create") }).click();
    await page.getByText(new RegExp(t("new.created", { sheets: "" }).slice(0, 6))).waitFor({ timeout: 30_000 });
    await noHorizontalScroll(page);

    await page.getByRole("tab", { name: t("tab.check") }).click();
    await page.getByRole("button", { name: t("check.read") }).click();
    // The demo types a bid for every vendor: all three are eligible and ranked with a price score.
    await page.getByRole("table", { name: t("check.ranking") }).getByText("CoStream").waitFor({ timeout: 20_000 });
    expect(await page.getByRole("table", { name: t("check.ranking") }).getByRole("row").count()).toBe(4);
    await noHorizontalScroll(page);
    mkdirSync(OUTPUT, { recursive: true });
    await page.screenshot({ path: join(OUTPUT, `pane-award-${lang}.png`), fullPage: true });

    await page.getByRole("tab", { name: t("tab.weights") }).click();
    for (const [open, shot] of [[t("whatif.open"), "whatif"], [t("maturity.open"), "maturity"]] as const) {
      await page.getByRole("button", { name: open }).click();
      if (shot === "whatif") await page.getByRole("slider").first().waitFor({ timeout: 20_000 });
      else await page.getByText(t("maturity.characteristic"), { exact: true }).first().waitFor({ timeout: 20_000 });
      await noHorizontalScroll(page);
      await page.screenshot({ path: join(OUTPUT, `pane-${shot}-${lang}.png`), fullPage: true });
      await page.getByRole("button", { name: t(shot === "whatif" ? "whatif.close" : "maturity.close") }).first().click();
    }
    await page.getByRole("button", { name: new RegExp(`^${t("pairwise.open")}`) }).click();
    await page.getByRole("button", { name: t("pairwise.close") }).first().waitFor({ timeout: 20_000 });
    await noHorizontalScroll(page);
    await page.screenshot({ path: join(OUTPUT, `pane-pairwise-${lang}.png`), fullPage: true });
    expect(problems).toEqual([]);
    await page.context().close();
  }, 120_000);

  test.each(["en-US", "zh-CN"] as const)("%s: Check & score lists a panel's ratings without a reason at 340 px (issue #14); a link selects the notes cell", async (lang) => {
    const t = translator(lang);
    const { page, problems } = await openPane(`?lang=${lang}`);
    await page.getByRole("heading", { name: t("app.title") }).waitFor({ timeout: 30_000 });
    await page.getByRole("textbox", { name: new RegExp(`^${t("new.vendors")}`) }).fill("Acme Cloud\nBrightLive\nCoStream");
    await page.getByRole("textbox", { name: t("new.raters") }).fill("Lin, Wang");
    await page.getByRole("button", { name: t("new.create") }).click();
    await page.getByText(new RegExp(t("new.created", { sheets: "" }).slice(0, 6))).waitFor({ timeout: 30_000 });
    await page.getByRole("tab", { name: t("tab.check") }).click();
    await page.getByRole("button", { name: t("check.read") }).click();
    const section = page.getByRole("region", { name: new RegExp(t("reasons.title", { count: "" }).slice(0, 8)) });
    await section.waitFor({ timeout: 20_000 });
    expect(await section.getByRole("checkbox", { name: t("reasons.all") }).isChecked()).toBe(false);
    expect(await section.getByRole("checkbox", { name: t("reasons.flaggedPanel", { spread: 20 }) }).isChecked()).toBe(true);
    const first = section.getByRole("button").first();
    await first.waitFor();
    await noHorizontalScroll(page);
    mkdirSync(OUTPUT, { recursive: true });
    await section.screenshot({ path: join(OUTPUT, `pane-reasons-${lang}.png`) });
    await first.click();
    await section.getByRole("checkbox", { name: t("reasons.all") }).check();
    await section.getByText(new RegExp(t("reasons.more", { count: "\\d+" }))).waitFor();
    await noHorizontalScroll(page);
    await page.screenshot({ path: join(OUTPUT, `pane-reasons-all-${lang}.png`), fullPage: true });
    expect(problems).toEqual([]);
    await page.context().close();
  }, 120_000);

  test("Chinese display language and pseudo-locale via ?lang=", async () => {
    const { page, problems } = await openPane("?lang=zh-CN");
    await page.getByRole("heading", { name: "供应商评分卡" }).waitFor({ timeout: 30_000 });
    await page.locator("button:not([disabled])", { hasText: "创建评分卡" }).waitFor();
    await page.screenshot({ path: join(OUTPUT, "pane-zh.png"), fullPage: true });
    await page.goto(`${origin}/taskpane.html?lang=qps-ploc`);
    await page.getByRole("heading", { name: "[!! Ṽéñðőŕ Ŝçőŕéçáŕð !!]" }).waitFor({ timeout: 30_000 });
    await noHorizontalScroll(page);
    expect(problems).toEqual([]);
    await page.context().close();
  }, 60_000);
});
