import { z } from "zod";
import type { IndicatorNode } from "./types";

export const localizedTextSchema = z.object({
  "zh-CN": z.string(),
  "en-US": z.string(),
});

/** Weights are percent numbers or null; range and sums are validateTree's job, not the schema's. */
export const indicatorNodeSchema: z.ZodType<IndicatorNode, z.ZodTypeDef, unknown> = z.lazy(() =>
  z.object({
    code: z.string(),
    name: localizedTextSchema,
    weight: z.number().nullable(),
    required: z.boolean().default(false),
    description: localizedTextSchema.optional(),
    children: z.array(indicatorNodeSchema).default([]),
    minimum: z.number().nullable().optional(),
  }),
);

export const indicatorTreeSchema = z.object({
  id: z.string(),
  title: localizedTextSchema,
  source: z.string().optional(),
  roots: z.array(indicatorNodeSchema),
  minimum: z.number().nullable().optional(),
});
