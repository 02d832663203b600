import { MemoryExcel as FakeExcel } from "../../src/demo/memoryExcel";
import { portOn, request } from "./helpers";

test("prepareReport writes the Report sheet, records it in the model, opens it; again replaces it; ratings untouched", async () => {
  const fake = new FakeExcel();
  const port = portOn(fake);
  await port.createWorkbook(request());
  fake.put("Ratings", "D5", [[77]]);
  const first = await port.prepareReport();
  expect(first).toEqual({ sheet: "Report" });
  expect(fake.sheets.map((s) => s.name)).toContain("Report");
  expect(fake.selection).toEqual({ sheet: "Report", address: "A1" });
  expect(fake.cell("Report", "A1")?.value).toMatch(/^Vendor evaluation report — /);
  // Ranking rows read Results live.
  expect(fake.cell("Report", "C8")?.formula).toMatch(/^=INDEX\('?Results'?!\$B\$5:\$B\$7,I8\)$/);
  expect(fake.cell("Ratings", "D5")?.value).toBe(77);
  // The stored model now has the Report: a re-create keeps it, a second prepare replaces it (no clash).
  const again = await port.prepareReport();
  expect(again.sheet).toBe("Report");
  expect(fake.sheets.filter((s) => s.name === "Report")).toHaveLength(1);
  const recreated = await port.createWorkbook(request());
  expect(recreated.sheets).toContain("Report");
});

test("a sheet named Report that is not the scorecard's stops prepareReport with nothing written", async () => {
  const fake = new FakeExcel();
  const port = portOn(fake);
  await port.createWorkbook(request({ locale: "zh-CN" }));
  await port.prepareReport();
  expect(fake.sheets.map((s) => s.name)).toContain("评审报告");
  const other = new FakeExcel();
  const port2 = portOn(other);
  await port2.createWorkbook(request());
  other.addSheet("Report");
  await expect(port2.prepareReport()).rejects.toMatchObject({ code: "ItemAlreadyExists" });
  expect(other.sheets.filter((s) => s.name === "Report")).toHaveLength(1);
});

test("no scorecard: prepareReport says so", async () => {
  await expect(portOn(new FakeExcel()).prepareReport()).rejects.toMatchObject({ code: "ItemNotFound" });
});
