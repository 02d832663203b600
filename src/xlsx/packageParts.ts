import JSZip from "jszip";
import type { WorkbookPlan } from "../plan/types";
import { chartXml, drawingXml, relsXml } from "./chartXml";
import { esc, NS, unesc } from "./xml";

async function text(zip: JSZip, path: string): Promise<string | null> {
  const f = zip.file(path);
  return f ? f.async("string") : null;
}

/** Sheet name → worksheet part path (e.g. "xl/worksheets/sheet3.xml"), from workbook.xml and its rels. */
async function sheetParts(zip: JSZip): Promise<Map<string, string>> {
  const wb = (await text(zip, "xl/workbook.xml")) ?? "";
  const rels = (await text(zip, "xl/_rels/workbook.xml.rels")) ?? "";
  const targets = new Map<string, string>();
  for (const m of rels.matchAll(/<Relationship\b[^>]*>/g)) {
    const id = /\bId="([^"]+)"/.exec(m[0])?.[1];
    const target = /\bTarget="([^"]+)"/.exec(m[0])?.[1];
    if (id && target) targets.set(id, target.startsWith("/") ? target.slice(1) : `xl/${target}`);
  }
  const out = new Map<string, string>();
  for (const m of wb.matchAll(/<sheet\b[^>]*>/g)) {
    const name = /\bname="([^"]*)"/.exec(m[0])?.[1];
    const id = /\br:id="([^"]+)"/.exec(m[0])?.[1];
    const path = id ? targets.get(id) : undefined;
    if (name !== undefined && path) out.set(unesc(name), path);
  }
  return out;
}

const AFTER_DRAWING = ["<legacyDrawing", "<legacyDrawingHF", "<drawingHF", "<picture", "<oleObjects", "<controls", "<webPublishItems", "<tableParts", "<extLst", "</worksheet>"];

/** Inserts <drawing r:id=…/> at its schema position (before any later element). */
function insertDrawing(sheetXml: string, rid: string): string {
  const at = Math.min(...AFTER_DRAWING.map((t) => sheetXml.indexOf(t)).filter((i) => i >= 0));
  let xml = `${sheetXml.slice(0, at)}<drawing r:id="${rid}"/>${sheetXml.slice(at)}`;
  if (!/<worksheet\b[^>]*xmlns:r=/.test(xml)) xml = xml.replace("<worksheet", `<worksheet xmlns:r="${NS.r}"`);
  return xml;
}

/**
 * The workbook's default font (cells without a format of their own) is the plan's, not the theme's
 * minor font: ExcelJS's theme maps Simplified Chinese to 宋体 (a serif). The theme's Hans font is
 * set to the same face so Excel's "body" font agrees.
 */
async function setDefaultFont(zip: JSZip, font: { name: string; size: number }): Promise<void> {
  const styles = await text(zip, "xl/styles.xml");
  if (styles) {
    zip.file("xl/styles.xml", styles.replace(/(<fonts\b[^>]*>)<font>[\s\S]*?<\/font>/, `$1<font><sz val="${font.size}"/><color theme="1"/><name val="${esc(font.name)}"/><family val="2"/></font>`));
  }
  const theme = await text(zip, "xl/theme/theme1.xml");
  if (theme) zip.file("xl/theme/theme1.xml", theme.replace(/(<a:font script="Hans" typeface=")[^"]*(")/g, "$1等线$2"));
}

/**
 * Adds the plan's charts (chart, drawing, relationships, content types) and defined names to an
 * .xlsx written by ExcelJS.
 */
export async function addPackageParts(xlsx: Buffer | Uint8Array, plan: WorkbookPlan): Promise<Buffer> {
  const zip = await patchPackage(xlsx, plan);
  return zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" });
}

/** The same as addPackageParts without Node's Buffer (browsers, the task pane). */
export async function addPackagePartsBytes(xlsx: Uint8Array, plan: WorkbookPlan): Promise<Uint8Array> {
  const zip = await patchPackage(xlsx, plan);
  return zip.generateAsync({ type: "uint8array", compression: "DEFLATE" });
}

/**
 * ExcelJS writes the print area and titles as '<sheet name>'!… without doubling an apostrophe in
 * the name ("Ratings - O'Neil"), which Excel and the validator refuse: the references are quoted
 * again here.
 */
async function quoteSheetNames(zip: JSZip, plan: WorkbookPlan): Promise<void> {
  const names = plan.sheets.map((s) => s.name).filter((n) => n.includes("'"));
  if (names.length === 0) return;
  let wb = (await text(zip, "xl/workbook.xml")) ?? "";
  for (const name of names) {
    const as = (n: string): string => esc(`'${n}'!`).replace(/'/g, "&apos;");
    wb = wb.replace(/(<definedName\b[^>]*>)([^<]*)(<\/definedName>)/g, (_m, open: string, body: string, close: string) => `${open}${body.split(as(name)).join(as(name.replace(/'/g, "''")))}${close}`);
  }
  zip.file("xl/workbook.xml", wb);
}

async function patchPackage(xlsx: Buffer | Uint8Array, plan: WorkbookPlan): Promise<JSZip> {
  const zip = await JSZip.loadAsync(xlsx);
  const parts = await sheetParts(zip);
  let contentTypes = (await text(zip, "[Content_Types].xml")) ?? "";
  const overrides: string[] = [];
  let chartNo = 0;
  let drawingNo = 0;
  for (const sheet of plan.sheets) {
    if (sheet.charts.length === 0) continue;
    const sheetPath = parts.get(sheet.name);
    if (!sheetPath) throw new Error(`writer: no part for sheet ${sheet.name}`);
    drawingNo++;
    const drawingPath = `xl/drawings/drawing${drawingNo}.xml`;
    const chartRels = sheet.charts.map((chart, i) => {
      chartNo++;
      const chartPath = `xl/charts/chart${chartNo}.xml`;
      zip.file(chartPath, chartXml(chart, plan.locale));
      overrides.push(`<Override PartName="/${chartPath}" ContentType="${NS.ctChart}"/>`);
      return { id: `rId${i + 1}`, type: NS.relChart, target: `../charts/chart${chartNo}.xml` };
    });
    zip.file(drawingPath, drawingXml(sheet.charts));
    zip.file(`xl/drawings/_rels/drawing${drawingNo}.xml.rels`, relsXml(chartRels));
    overrides.push(`<Override PartName="/${drawingPath}" ContentType="${NS.ctDrawing}"/>`);

    const file = sheetPath.split("/").pop() as string;
    const relsPath = sheetPath.replace(file, `_rels/${file}.rels`);
    const existing = (await text(zip, relsPath)) ?? relsXml([]);
    const rid = `rIdScDrawing${drawingNo}`;
    const rel = `<Relationship Id="${rid}" Type="${NS.relDrawing}" Target="../drawings/drawing${drawingNo}.xml"/>`;
    zip.file(relsPath, existing.replace("</Relationships>", `${rel}</Relationships>`));
    zip.file(sheetPath, insertDrawing((await text(zip, sheetPath)) ?? "", rid));
  }
  if (overrides.length > 0) contentTypes = contentTypes.replace("</Types>", `${overrides.join("")}</Types>`);
  zip.file("[Content_Types].xml", contentTypes);

  if (plan.font) await setDefaultFont(zip, plan.font);
  // ExcelJS writes <pageSetUpPr> before <outlinePr> in <sheetPr>; the schema's order is the reverse.
  for (const path of parts.values()) {
    const xml = (await text(zip, path)) ?? "";
    const fixed = xml.replace(/(<sheetPr\b[^>]*>(?:<tabColor\b[^>]*\/>)?)(<pageSetUpPr\b[^>]*\/>)(<outlinePr\b[^>]*\/>)/, "$1$3$2");
    if (fixed !== xml) zip.file(path, fixed);
  }
  await quoteSheetNames(zip, plan);
  if (plan.names.length > 0) {
    let wb = (await text(zip, "xl/workbook.xml")) ?? "";
    const defs = plan.names.map((n) => `<definedName name="${esc(n.name)}"${n.comment ? ` comment="${esc(n.comment)}"` : ""}>${esc(n.ref)}</definedName>`).join("");
    wb = wb.includes("</definedNames>")
      ? wb.replace("</definedNames>", `${defs}</definedNames>`)
      : wb.replace("</sheets>", `</sheets><definedNames>${defs}</definedNames>`);
    zip.file("xl/workbook.xml", wb);
  }
  return zip;
}
