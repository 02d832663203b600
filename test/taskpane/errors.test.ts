import { translator } from "../../src/i18n";
import { describeError, errorKind, isAbortError, KNOWN_ERROR_CODES } from "../../src/taskpane/errors";
import { officeError } from "../../src/demo";

const en = translator("en-US");
const zh = translator("zh-CN");

describe("describeError", () => {
  test.each(KNOWN_ERROR_CODES)("%s gets its own plain words and next step in both languages", (code) => {
    const e = describeError(officeError(code, "at Foo (x.js:1:2)\n stack"), en);
    expect(e.kind).toBe(code);
    expect(e.code).toBe(code);
    expect(e.title).not.toBe(en("error.unknown"));
    expect(e.action.length).toBeGreaterThan(10);
    expect(`${e.title} ${e.action}`).not.toMatch(/x\.js|stack|Office error/);
    const z = describeError(officeError(code), zh);
    expect(z.title).toMatch(/[\u4e00-\u9fff]/);
    expect(z.action).toMatch(/[\u4e00-\u9fff]/);
  });

  test("specific advice", () => {
    expect(describeError(officeError("AccessDenied"), en).action).toMatch(/Unprotect/);
    expect(describeError(officeError("ApiNotFound"), en).action).toMatch(/Update Office/);
    expect(describeError(officeError("RequestPayloadSizeLimitExceeded"), en).action).toMatch(/fewer vendors/);
    expect(describeError(officeError("InvalidOperationInCellEditMode"), en).action).toMatch(/Enter or Esc/);
    // the adapter's own codes (src/excel/errors.ts)
    expect(describeError(officeError("ScorecardPanelNotSupported"), en).title).toMatch(/one rating sheet per rater/);
    expect(describeError(officeError("ScorecardPanelNotSupported"), zh).title).toMatch(/评分人/);
    expect(describeError(officeError("ScorecardImportNotFound"), en).action).toMatch(/earlier imports/);
  });

  test("aliases map to the same advice", () => {
    expect(errorKind(officeError("SheetProtected"))).toBe("AccessDenied");
    expect(errorKind(officeError("ResponsePayloadSizeLimitExceeded"))).toBe("RequestPayloadSizeLimitExceeded");
  });

  test.each([
    ["an unknown Office code", officeError("WeirdNewCode")],
    ["a plain Error", new Error("TypeError: x is undefined")],
    ["a string", "boom"],
    ["null", null],
    ["undefined", undefined],
  ])("%s is 'unexpected', never its raw message", (_label, err) => {
    const e = describeError(err, en);
    expect(e.kind).toBe("unknown");
    expect(e.title).toBe("Something unexpected went wrong.");
    expect(e.title + e.action).not.toMatch(/TypeError|boom/);
  });

  test("abort errors are recognised", () => {
    expect(isAbortError(new DOMException("x", "AbortError"))).toBe(true);
    expect(isAbortError(officeError("GeneralException"))).toBe(false);
  });
});
