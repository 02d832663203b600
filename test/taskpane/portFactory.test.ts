import { createPort } from "../../src/taskpane/portFactory";
import { EXCEL_API_VERSIONS } from "../../src/excel";

test("outside Excel the pane gets the demo port (the adapter over an in-memory workbook), flagged as demo", async () => {
  const choice = await createPort({ inExcel: false });
  expect(choice.demo).toBe(true);
  expect("excel" in choice.port).toBe(true);
  expect(await choice.port.getCapabilities()).toEqual({ host: "demo", excelApi: EXCEL_API_VERSIONS });
});

test("inside Excel the pane gets the Office.js adapter, not the demo", async () => {
  const choice = await createPort({ inExcel: true });
  expect(choice.demo).toBe(false);
  expect("excel" in choice.port).toBe(false);
  expect(choice.port.constructor.name).toBe("ExcelPort");
});
