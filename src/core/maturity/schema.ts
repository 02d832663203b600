import { z } from "zod";
import { localizedTextSchema } from "../model/schema";

const features = z.object({
  before: z.array(localizedTextSchema),
  during: z.array(localizedTextSchema),
  after: z.array(localizedTextSchema),
});

export const maturityStageSchema = z.object({
  name: localizedTextSchema,
  share: z.number(),
  cells: z.record(localizedTextSchema),
  page: z.object({ platform: localizedTextSchema, team: localizedTextSchema, features }).optional(),
});

export const maturityModelSchema = z.object({
  kind: z.literal("maturity-model"),
  id: z.string().min(1),
  schemaVersion: z.number().int(),
  title: localizedTextSchema,
  source: z.string(),
  characteristics: z.array(z.object({ key: z.string().min(1), name: localizedTextSchema })).min(1),
  scenarios: z
    .array(z.object({ key: z.string().min(1), name: localizedTextSchema, title: localizedTextSchema, stages: z.array(maturityStageSchema) }))
    .min(1),
  mapping: z.object({
    origin: z.literal("product"),
    note: localizedTextSchema,
    entries: z.array(
      z.object({ scenario: z.string(), stage: z.number().int(), from: z.string(), need: localizedTextSchema, codes: z.array(z.string()).min(1) }),
    ),
  }),
});
