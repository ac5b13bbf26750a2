/**
 * The compiled graph as JSON, and the JSON Schema that describes it (published as `/graph.schema.json`).
 * `CompiledGraphSchema` mirrors `types.ts` in Zod; a unit test parses the real compiled graph with it.
 */
import { z } from 'astro/zod';
import { ActorSchema, CLAIM_KINDS, RELATION_KINDS, SourceSchema, VOICES } from '../schema.ts';
import { serialiseGraph } from '../artefact.ts';
import type { CompiledGraph } from '../types.ts';

const Id = z.string().min(1);
const PointSchema = z.strictObject({ x: z.number(), y: z.number() });

/** A claim on the map (`GraphNode` in types.ts). */
export const GraphNodeSchema = z
  .strictObject({
    id: Id.describe('Site-wide kebab-case id; the claim page is /claims/<id>/.'),
    kind: z.enum(CLAIM_KINDS),
    text: z.string().describe('The claim in one or two plain sentences.'),
    label: z.string().describe('Text shown on the map: the claim’s label, or its text.'),
    by: Id.optional().describe('Actor id: who makes the claim.'),
    source: Id.optional().describe('Source id the claim comes from.'),
    quote: z.string().optional().describe('Verbatim words from the source.'),
    voice: z.enum(VOICES).optional().describe('Whose words: direct (the speaker’s, in quotation marks), paraphrase (the writer reporting a speaker) or framing (the writer’s own).'),
    note: z.string().optional(),
    page: z.string().describe("Slug of the page that declares the claim ('' for the home page)."),
    origin: z.strictObject({ file: z.string(), line: z.number().int().positive() }).describe('Where the claim is declared.'),
  })
  .meta({ title: 'GraphNode' });

/** A relation (`GraphEdge` in types.ts). */
export const GraphEdgeSchema = z
  .strictObject({
    id: z.string().describe('`kind:from->to`, or `undercuts:from->(targetEdgeId)` for undercuts.'),
    kind: z.enum(RELATION_KINDS),
    from: Id.describe('Claim id the relation is declared on.'),
    to: z.string().describe('Claim id, or for `undercuts` the id of the edge whose inference is attacked.'),
    note: z.string().optional(),
  })
  .meta({ title: 'GraphEdge' });

/** A docs page (`PageInfo` in types.ts). */
export const PageInfoSchema = z
  .strictObject({
    slug: z.string(),
    title: z.string(),
    file: z.string(),
    declared: z.array(Id).describe('Claims declared in the page’s frontmatter, in order.'),
    focus: z.array(Id).describe('Declared claims, focus ids and ids cited in the body, in order, unique.'),
  })
  .meta({ title: 'PageInfo' });

/** A content diagnostic (`Diagnostic` in types.ts); a compiled graph carries warnings only. */
export const DiagnosticSchema = z
  .strictObject({
    severity: z.enum(['error', 'warning']),
    code: z.string(),
    file: z.string(),
    line: z.number().int(),
    claim: z.string().optional(),
    message: z.string(),
    hint: z.string(),
  })
  .meta({ title: 'Diagnostic' });

/** The drawing (`Layout` in types.ts). */
export const LayoutSchema = z
  .strictObject({
    boxes: z
      .record(z.string(), z.strictObject({ x: z.number(), y: z.number(), width: z.number(), height: z.number() }))
      .describe('Centre and size of each drawn item: a claim (by its id) or a reference chip (`ref-<n>`) standing for a claim drawn in full elsewhere.'),
    refs: z.record(z.string(), Id).describe('The claim each reference chip stands for.'),
    drawnFrom: z.record(z.string(), z.string()).describe('The chip a relation is drawn from, where it is not drawn from its own source claim.'),
    drawnTo: z.record(z.string(), z.string()).describe('The "continued" reference a relation is drawn to, where it is not drawn to its own target claim.'),
    routes: z.record(z.string(), z.array(PointSchema)).describe('Each relation’s line, by edge id: from its source item to its target (for an undercut, to the diamond on the link it undercuts).'),
    anchors: z.record(z.string(), PointSchema).describe('Centre of the diamond each undercut points at, by the undercut edge’s id.'),
    bounds: z.strictObject({ x: z.number(), y: z.number(), width: z.number(), height: z.number() }),
  })
  .meta({ title: 'Layout' });

/** The whole compiled graph (`CompiledGraph` in types.ts). */
export const CompiledGraphSchema = z
  .strictObject({
    nodes: z.array(GraphNodeSchema),
    edges: z.array(GraphEdgeSchema),
    actors: z.record(z.string(), ActorSchema),
    sources: z.record(z.string(), SourceSchema),
    pages: z.array(PageInfoSchema),
    layout: LayoutSchema,
    diagnostics: z.array(DiagnosticSchema),
  })
  .meta({
    title: 'Compiled argument graph',
    description:
      'The argument map of the site as one JSON document: claims (nodes), their relations (edges: supports, attacks, undercuts, answers, and the writer’s framing), the actors and sources they cite, the pages that discuss them, and the layout of the map.',
  });

/** The JSON Schema (draft 2020-12) of `graph.json`, generated from `CompiledGraphSchema`. */
export function graphJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(CompiledGraphSchema, { target: 'draft-2020-12', io: 'output' }) as Record<string, unknown>;
}

/** `graph.schema.json`: the JSON Schema, pretty-printed, ending in a newline. */
export function exportGraphSchema(): string {
  return `${JSON.stringify(graphJsonSchema(), null, 2)}\n`;
}

/** `graph.json`: the compiled graph, pretty-printed in its own stable order (the same bytes as the build artefact). */
export function exportGraphJson(graph: CompiledGraph): string {
  return serialiseGraph(graph);
}
