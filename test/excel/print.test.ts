import { MemoryExcel as FakeExcel } from "../../src/demo/memoryExcel";
import { portOn, request } from "./helpers";

test("createWorkbook sets up printing on every visible sheet (ExcelApi 1.9) and names the font", async () => {
  const fake = new FakeExcel();
  await portOn(fake).createWorkbook(request({ locale: "zh-CN" }));
  const on = (sheet: string, name: string) => fake.log.filter((c) => c.target.startsWith(`sheet(${sheet}).pageLayout`) && c.name === name);
  expect(on("结果", "paperSize").map((c) => c.args[0])).toEqual(["A4"]);
  expect(on("结果", "setPrintTitleRows").map((c) => c.args[0])).toEqual(["$1:$4"]);
  expect(on("结果", "setPrintTitleColumns").map((c) => c.args[0])).toEqual(["$A:$A"]);
  expect(on("结果", "zoom").map((c) => c.args[0])).toEqual([{ horizontalFitToPages: 1 }]);
  // Ratings with its notes grid: over two pages wide, landscape (issue #14)
  expect(on("评分", "zoom").map((c) => c.args[0])).toEqual([{ horizontalFitToPages: 2 }]);
  expect(on("评分", "orientation").map((c) => c.args[0])).toEqual(["Landscape"]);
  expect(fake.log.some((c) => c.target.startsWith("sheet(结果).pageLayout.headersFooters.defaultForAllPages") && c.name === "rightFooter" && String(c.args[0]).includes("&P"))).toBe(true);
  expect(fake.log.filter((c) => c.target === "sheet(图表).horizontalPageBreaks" && c.name === "add").length).toBeGreaterThan(0);
  expect(fake.log.some((c) => c.target.endsWith(".format.font") && c.name === "name" && c.args[0] === "等线")).toBe(true);
  // Hidden sheets are not printed.
  expect(fake.log.some((c) => c.target.startsWith("sheet(计算).pageLayout"))).toBe(false);
});

test("an Excel without ExcelApi 1.9 gets the workbook without print settings and a note per sheet", async () => {
  const fake = new FakeExcel();
  const result = await portOn(fake, ["1.1", "1.2", "1.3", "1.4", "1.5", "1.6", "1.7", "1.8"]).createWorkbook(request());
  expect(result.notes).toEqual(expect.arrayContaining([{ code: "page-layout", sheet: "Results", version: "1.9" }]));
  expect(fake.log.some((c) => c.target.includes("pageLayout"))).toBe(false);
});
