/**
 * Child process of the import bench: reads the CSV file named on the command line, imports and
 * scores it once, and prints peak memory as JSON. A fresh process, so its peak is the import's,
 * not the bench's (which generated the text and ran every other measurement).
 */
import { readFileSync } from "fs";
import { score } from "../src/core/engine";
import { importDelimited, IndicatorIndex } from "../src/core/import";
import { defaultTree } from "../src/core/model";
import { gcFunction, heapNow } from "./util";

const tree = defaultTree();
const index = new IndicatorIndex(tree);
const bytes = new Uint8Array(readFileSync(process.argv[2]));
const gc = gcFunction();
gc();
const rssBefore = process.memoryUsage().rss;
const heapBefore = heapNow();
const t0 = process.hrtime.bigint();
const res = importDelimited(bytes, { tree, index });
const vendors = score(tree, res.accepted, { aggregate: "mean" }).vendors.length;
const ms = Number(process.hrtime.bigint() - t0) / 1e6;
const heapAfter = heapNow();
console.log(
  JSON.stringify({
    ms,
    accepted: res.counts.accepted,
    vendors,
    rssBefore,
    heapBefore,
    heapAfter,
    // ru_maxrss is in kilobytes on Linux and macOS.
    maxRss: process.resourceUsage().maxRSS * 1024,
  }),
);
