import ExcelJS from "exceljs";
import JSZip from "jszip";
import { defaultTree } from "../../src/core/model";
import { buildPlan, MODEL_SHEET_NAME, readStoredModel, type CellValue, type WorkbookPlan } from "../../src/plan";
import { writeXlsx } from "../../src/xlsx";

const VENDORS = ["Acme", "=HYPERLINK(\"http://x\")", "+Plus", "-Minus", "@At", "Gamma"];
let plan: WorkbookPlan;
let buffer: Buffer;
let wb: ExcelJS.Workbook;
let zip: JSZip;

beforeAll(async () => {
  plan = buildPlan({ tree: defaultTree(), vendors: VENDORS, options: { locale: "en-US" }, createdAt: "2026-11-25T21:30:00.000Z" });
  buffer = await writeXlsx(plan);
  wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buffer as unknown as ArrayBuffer);
  zip = await JSZip.loadAsync(buffer);
});

const sheet = (name: string): ExcelJS.Worksheet => wb.getWorksheet(name) as ExcelJS.Worksheet;
const xml = async (path: string): Promise<string> => (zip.file(path) as JSZip.JSZipObject).async("string");

test("every planned sheet is written in order with its visibility", () => {
  expect(wb.worksheets.map((w) => w.name)).toEqual(plan.sheets.map((s) => s.name));
  expect(wb.worksheets.map((w) => w.state)).toEqual(plan.sheets.map((s) => s.visibility));
  expect(sheet(MODEL_SHEET_NAME).state).toBe("veryHidden");
  expect(sheet("Calc").state).toBe("hidden");
});

test("formula blocks become formulas; the model sheet reads back to the model", () => {
  const results = sheet("Results");
  const b5 = results.getCell("B5").value as ExcelJS.CellFormulaValue;
  expect(b5.formula).toMatch(/^IF\('Calc'!/);
  expect((sheet("Calc").getCell("C5").value as ExcelJS.CellFormulaValue).formula).toBeDefined();
  const column = sheet(MODEL_SHEET_NAME).getColumn(1).values.slice(1) as CellValue[];
  expect(readStoredModel(column)).toEqual(plan.model);
});

test("text starting with = + - @ is written as text, not as a formula", async () => {
  const ratings = sheet("Ratings");
  VENDORS.forEach((v, i) => {
    const c = ratings.getCell(3, 4 + i);
    expect(c.type).toBe(ExcelJS.ValueType.String);
    expect(c.value).toBe(v);
  });
  const sheetXml = await xml("xl/worksheets/sheet1.xml");
  expect(sheetXml).not.toMatch(/<f>[^<]*HYPERLINK/);
  expect(sheetXml).not.toMatch(/<f>Plus|<f>-Minus|<f>@At/);
});

test("rating cells carry the custom validation with prompt and stop alert", async () => {
  const ratingsXml = await xml("xl/worksheets/sheet1.xml");
  const dv = /<dataValidation [^>]*sqref="D4:I66"[^>]*>[\s\S]*?<\/dataValidation>/.exec(ratingsXml)?.[0] ?? "";
  expect(dv).toContain('type="custom"');
  expect(dv).toContain('allowBlank="1"');
  expect(dv).toContain('showInputMessage="1"');
  expect(dv).toContain('showErrorMessage="1"');
  expect(dv).toContain("OR(AND(ISNUMBER(D4),D4&gt;=0,D4&lt;=100),D4=&quot;N/A&quot;,D4=&quot;NA&quot;)");
  const weightsXml = await xml("xl/worksheets/sheet2.xml");
  expect(weightsXml).toMatch(/<dataValidation [^>]*type="decimal"[^>]*sqref="C6:C68"/);
});

test("protection: every sheet protected without password; ratings and weights unlocked; labels and formulas locked", () => {
  for (const ws of wb.worksheets) {
    const p = (ws as unknown as { sheetProtection?: { sheet?: boolean; hashValue?: string } }).sheetProtection;
    expect(p?.sheet).toBe(true);
    expect(p?.hashValue).toBeUndefined();
  }
  const ratings = sheet("Ratings");
  const leafRow = plan.layout.ratings.rows.find((r) => r.leaf)?.row as number;
  const groupRow = plan.layout.ratings.rows.find((r) => !r.leaf)?.row as number;
  expect(ratings.getCell(leafRow, 4).protection?.locked).toBe(false);
  expect(ratings.getCell(groupRow, 4).protection?.locked).not.toBe(false);
  expect(ratings.getCell(leafRow, 2).protection?.locked).not.toBe(false);
  expect(sheet("Weights").getCell("C6").protection?.locked).toBe(false);
  expect(sheet("Weights").getCell("G6").protection?.locked).not.toBe(false);
  expect(sheet("Results").getCell("B5").protection?.locked).not.toBe(false);
});

test("outline groups, frozen panes and conditional formats are written", async () => {
  const ratings = sheet("Ratings");
  const dim = plan.layout.ratings.rows.find((r) => r.code === "2")?.row as number;
  expect(ratings.getRow(dim + 1).outlineLevel).toBe(1);
  expect(ratings.getRow(dim + 2).outlineLevel).toBe(2);
  expect(ratings.views[0]).toMatchObject({ state: "frozen", xSplit: 3, ySplit: 3 });
  const resultsXml = await xml("xl/worksheets/sheet3.xml");
  expect(resultsXml).toContain("<colorScale>");
  expect(await xml("xl/worksheets/sheet2.xml")).toMatch(/<cfRule type="expression"/);
});

test("chart parts, drawing, relationships, content types and names are in the package", async () => {
  const charts = Object.keys(zip.files).filter((f) => /^xl\/charts\/chart\d+\.xml$/.test(f));
  expect(charts).toHaveLength(2 + VENDORS.length);
  const first = await xml("xl/charts/chart1.xml");
  expect(first).toContain("<c:radarChart>");
  expect(first).toContain("<c:f>'Results'!$H$4:$L$4</c:f>");
  expect(first).toContain("<c:max val=\"100\"/><c:min val=\"0\"/>");
  expect(await xml("xl/charts/chart2.xml")).toContain("<c:barChart>");
  const drawing = await xml("xl/drawings/drawing1.xml");
  expect(drawing.match(/<xdr:twoCellAnchor/g)).toHaveLength(charts.length);
  expect(await xml("xl/drawings/_rels/drawing1.xml.rels")).toContain("../charts/chart8.xml");
  expect(await xml("xl/worksheets/sheet4.xml")).toMatch(/<drawing r:id="rIdScDrawing1"\/><\/worksheet>$/);
  expect(await xml("xl/worksheets/_rels/sheet4.xml.rels")).toContain("../drawings/drawing1.xml");
  const types = await xml("[Content_Types].xml");
  expect(types).toContain('PartName="/xl/charts/chart1.xml" ContentType="application/vnd.openxmlformats-officedocument.drawingml.chart+xml"');
  expect(types).toContain('PartName="/xl/drawings/drawing1.xml"');
  const workbook = await xml("xl/workbook.xml");
  expect(workbook).toContain(`<definedName name="SC_Totals">'Results'!$B$5:$B$10</definedName>`);
  expect(workbook.match(/<definedNames>/g)).toHaveLength(1);
});
