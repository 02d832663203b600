import { MemoryExcel as FakeExcel } from "../../src/demo/memoryExcel";
import { portOn, request } from "./helpers";

test("createWorkbook returns the features skipped on an older Excel as codes", async () => {
  const fake = new FakeExcel();
  const result = await portOn(fake, ["1.1", "1.2", "1.3", "1.4", "1.5", "1.6", "1.7"]).createWorkbook(request());
  expect(result.notes).toEqual(
    expect.arrayContaining([
      { code: "data-validation", sheet: "Ratings", version: "1.8" },
      { code: "row-outline", sheet: "Ratings", version: "1.10" },
      { code: "indent", sheet: "Weights", version: "1.9" },
    ]),
  );
  const full = await portOn(new FakeExcel()).createWorkbook(request());
  expect(full.notes).toBeUndefined();
});
