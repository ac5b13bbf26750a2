/**
 * Argdown → site claims, using `@argdown/core` (ParserPlugin, DataPlugin, ModelPlugin) to parse and build the model.
 *
 * Mapping:
 * - every statement (equivalence class) becomes a `claim`; its text is the canonical member's text (tags removed),
 *   its id comes from the title, and the title becomes the map label (unless it is an automatic "Untitled N").
 *   The site's fields in a statement's data (`kind, label, by, answers, source, quote, voice, note, frames, notes`,
 *   as `exportArgdown` writes them) are read back; `by` and `source` must be known to the site. A file whose front
 *   matter says `claimIds: true` (the site's export does) keeps its titles as claim ids.
 * - every argument becomes a `claim` (text: its description, or its title), except a reconstructed argument with
 *   no description, a single inference and no relations of its own: that is read as the inference itself
 *   (each premise `supports` the conclusion), which is how `exportArgdown` writes an undercut support.
 * - a premise–conclusion structure: each premise `supports` the argument, the argument `supports` the main
 *   conclusion (as Argdown's own map draws it); intermediary inference steps are not kept (reported). The
 *   inference's rules and data go into the note of the support of the conclusion.
 * - support and entails → `supports`; attack → `attacks`; contrary and contradictory → `attacks` both ways (both
 *   are symmetric in Argdown). Front matter `model: mode: strict` is honoured as Argdown does: between statements,
 *   a support is an entailment and an attack a contrariety.
 * - undercut of an inference → `undercuts` of the argument's support of its conclusion (of each premise's support
 *   for a read-as-inference argument); undercut of an argument or statement → `undercuts` of each supports/attacks
 *   relation that goes out of it (reported if there is none).
 * - what the site has no field for is kept in the claim's note where it can be: links (the claim text keeps the
 *   link text, the note the address), other data (`credence`, `reason`, …), other wordings of the same statement.
 *   Tags, headings and front matter settings are reported, with counts.
 */
import {
  ArgdownApplication,
  ArgdownTypes,
  DataPlugin,
  IArgument,
  IEquivalenceClass,
  ModelPlugin,
  ParserPlugin,
  RangeType,
  RelationType,
  StatementRole,
  type IArgdownRequest,
  type IArgdownResponse,
  type IConclusion,
  type IRelation,
  type IStatement,
  type RelationMember,
} from '@argdown/core';
import { createDraft, describeValue, findActor, singlePageResult, siteFields } from './common.ts';
import { ImportError, type ImportOptions, type ImportResult } from './types.ts';

const app = new ArgdownApplication();
app.addPlugin(new ParserPlugin(), 'parse-input');
app.addPlugin(new DataPlugin(), 'build-model');
app.addPlugin(new ModelPlugin(), 'build-model');

const AUTO_TITLE = /^Untitled \d+$/;
/** Data keys the site reads; every other key is kept in the note. */
const SITE_KEYS = new Set(['kind', 'label', 'by', 'answers', 'source', 'quote', 'voice', 'note', 'frames', 'notes']);
/** Front matter keys the importer reads. */
const FRONT_MATTER_KEYS = new Set(['title', 'claimIds']);

type Data = Record<string, unknown> | undefined;
const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (data: Data, key: string) => (typeof data?.[key] === 'string' && (data[key] as string).trim() ? (data[key] as string).trim() : undefined);

function parse(text: string, strict: boolean): IArgdownResponse {
  const request = {
    input: text,
    process: ['parse-input', 'build-model'],
    logLevel: 'none',
    logExceptions: false,
    // Front matter settings are not applied (an imported file must not configure the parser), except strict mode.
    model: { removeTagsFromText: true, mode: strict ? 'strict' : 'loose' },
    data: { frontMatterSettingsMode: 'ignore' },
  } as IArgdownRequest;
  return app.run(request);
}

/** Parse Argdown text into pages of claims; throws `ImportError` (file, line:column) on a syntax error. */
export function importArgdown(text: string, options: ImportOptions): ImportResult {
  if (!text.trim()) throw new ImportError(options.file, '1:1', 'the file is empty: there is nothing to import');
  let response = parse(text, false);
  const lexer = response.lexerErrors?.[0];
  if (lexer) throw new ImportError(options.file, `${lexer.line}:${lexer.column}`, `Argdown syntax error: ${lexer.message}`);
  const parser = response.parserErrors?.[0];
  if (parser) {
    const more = response.parserErrors!.length > 1 ? ` (and ${response.parserErrors!.length - 1} more)` : '';
    throw new ImportError(options.file, `${parser.token.startLine ?? 1}:${parser.token.startColumn ?? 1}`, `Argdown syntax error: ${parser.message}${more}`);
  }
  const exception = response.exceptions?.[0];
  if (exception) throw new ImportError(options.file, '1:1', `Argdown model error: ${exception.message}`);
  const frontMatter = isRecord(response.frontMatter) ? response.frontMatter : undefined;
  const model = isRecord(frontMatter?.model) ? frontMatter.model : undefined;
  const strict = model?.mode === 'strict';
  if (strict) response = parse(text, true);
  const claimIds = frontMatter?.claimIds === true;

  const draft = createDraft(options);
  const statements = response.statements ?? {};
  const args = response.arguments ?? {};
  const relations = response.relations ?? [];
  const tags = new Set<string>();
  const at = (r: IRelation) => {
    const o = r.occurrences?.[0];
    return o?.startLine ? `${o.startLine}:${o.startColumn ?? 1}` : undefined;
  };
  const loc = (x: { startLine?: number; startColumn?: number }) => (x.startLine ? `${x.startLine}:${x.startColumn ?? 1}` : undefined);

  /** Links in the members' texts, as one sentence for the note: the text keeps the words, the note the address. */
  const linkNote = (members: IStatement[]) => {
    const links = new Set<string>();
    for (const m of members) {
      for (const range of m.ranges ?? []) {
        if (range.type !== RangeType.LINK || !range.url) continue;
        const words = (m.text ?? '').slice(range.start, range.stop + 1).trim();
        links.add(words ? `“${words}”: ${range.url}` : range.url);
      }
    }
    return links.size ? `Links: ${[...links].join('; ')}.` : undefined;
  };
  /** Other wordings of a statement or argument than the one kept as its text. */
  const otherWordings = (members: IStatement[], kept: string) => {
    const others = [...new Set(members.map((m) => m.text?.trim()).filter((t): t is string => !!t && t !== kept))];
    return others.length ? `Also written as: ${others.map((t) => `“${t}”`).join('; ')}.` : undefined;
  };
  /** Data the site has no field for, as one sentence. */
  const dataNote = (data: Data) => {
    const extra = Object.entries(data ?? {}).filter(([key]) => !SITE_KEYS.has(key));
    return extra.length ? `Argdown data: ${extra.map(([k, v]) => `${k}: ${describeValue(v)}`).join('; ')}.` : undefined;
  };
  const join = (...notes: (string | undefined)[]) => notes.filter(Boolean).join(' ');

  /** Relation notes a site export keeps in the source's data: `notes: {"supports b": "…", "undercuts a b": "…"}`. */
  const relationNotes = new Map<string, string>();
  const noteFor = (from: string, relation: string) => relationNotes.get(`${from} ${relation}`);
  const frames: { from: string; to: string; note?: string; position?: string }[] = [];

  /** A claim from a statement or argument: text, site fields, links, other data, and where it came from. */
  const addFrom = (key: string, title: string, members: IStatement[], body: string, label: string | undefined, data: Data, origin: string, position: string | undefined) => {
    const fields = siteFields(data);
    const actor = fields.by ? findActor(options.actors, fields.by) : undefined;
    draft.addClaim(key, {
      ...fields,
      id: claimIds ? title : undefined,
      slug: AUTO_TITLE.test(title) ? body : title,
      text: body,
      label: fields.label ?? label,
      by: actor?.id,
      note: join(fields.note, fields.by && !actor ? `Said by ${fields.by}.` : undefined, linkNote(members), dataNote(data), otherWordings(members, body)),
      origin,
    });
    const answers = str(data, 'answers');
    if (answers) draft.answer(key, `s:${answers}`, position);
    if (Array.isArray(data?.frames)) {
      for (const f of data.frames) {
        const to = typeof f === 'string' ? f : isRecord(f) && typeof f.to === 'string' ? f.to : undefined;
        if (to) frames.push({ from: key, to, note: isRecord(f) && typeof f.note === 'string' ? f.note : undefined, position });
      }
    }
    if (isRecord(data?.notes)) for (const [k, v] of Object.entries(data.notes)) if (typeof v === 'string') relationNotes.set(`${key} ${k}`, v);
  };

  // Claims in the order they first appear in the file.
  const adds: { line: number; add: () => void }[] = [];
  for (const [title, ec] of Object.entries(statements)) {
    const auto = AUTO_TITLE.test(title);
    const body = IEquivalenceClass.getCanonicalMemberText(ec)?.trim() || title;
    const line = Math.min(...ec.members.map((m) => m.startLine ?? Infinity));
    adds.push({ line, add: () => addFrom(`s:${title}`, title, ec.members, body, auto ? undefined : title, ec.data as Data, `[${title}]`, loc(ec.members[0] ?? {})) });
    ec.tags?.forEach((t) => tags.add(t));
  }

  // Arguments: a claim each, unless read as a bare inference.
  const inferenceOnly = new Map<string, { premises: string[]; conclusion: string }>();
  const bare: (() => void)[] = [];
  /** Statements and arguments that relations start from, or that are supported or attacked (not just undercut). */
  const withOwnRelations = new Set<unknown>();
  for (const r of relations) {
    withOwnRelations.add(r.from);
    if (r.relationType !== RelationType.UNDERCUT) withOwnRelations.add(r.to);
  }
  /** The note of each argument's support of its conclusion: the inference's rules and data. */
  const inferenceNote = (conclusion: IConclusion | undefined) => {
    const inference = conclusion?.inference;
    const rules = (inference?.inferenceRules ?? []).filter((r) => r.trim());
    const data = Object.entries((inference?.data as Data) ?? {});
    if (!rules.length && !data.length) return undefined;
    const described = data.length ? ` (${data.map(([k, v]) => `${k}: ${describeValue(v)}`).join('; ')})` : '';
    return `Inference${rules.length ? `: ${rules.join(', ')}` : ''}${described}.`;
  };
  for (const [title, argument] of Object.entries(args)) {
    argument.tags?.forEach((t) => tags.add(t));
    const description = IArgument.getCanonicalMemberText(argument)?.trim();
    const pcs = argument.pcs ?? [];
    const conclusion = pcs[pcs.length - 1] as IConclusion | undefined;
    const premises = pcs.filter((s) => s.role === StatementRole.PREMISE).map((s) => `s:${s.title}`);
    const intermediary = pcs.filter((s) => s.role === StatementRole.INTERMEDIARY_CONCLUSION);
    const hasOwnRelations = withOwnRelations.has(argument);
    const inferred = inferenceNote(conclusion);
    if (conclusion && !description && intermediary.length === 0 && !hasOwnRelations) {
      inferenceOnly.set(title, { premises, conclusion: `s:${conclusion.title}` });
      draft.skip('arguments read as inferences', `argument <${title}> as a node`, 'it has no text of its own: read as the inference from its premises to its conclusion', loc(argument));
      // Related once the statements' data (which may hold the relation's note) has been read.
      bare.push(() => {
        for (const p of premises) draft.relate('supports', p, `s:${conclusion.title}`, noteFor(p, `supports ${conclusion.title}`) ?? inferred, loc(argument));
      });
      continue;
    }
    const member = IArgument.getCanonicalMember(argument);
    const line = Math.min(argument.startLine ?? Infinity, ...argument.members.map((m) => m.startLine ?? Infinity));
    adds.push({ line, add: () => addFrom(`a:${title}`, title, argument.members, description || title, title, (member?.data ?? argument.data) as Data, `<${title}>`, loc(argument)) });
    if (conclusion) {
      for (const p of premises) draft.relate('supports', p, `a:${title}`, undefined, loc(argument));
      draft.relate('supports', `a:${title}`, `s:${conclusion.title}`, inferred, loc(argument));
      if (intermediary.length) {
        draft.skip(
          'intermediary inference steps',
          `inference steps inside <${title}>`,
          `intermediary conclusions (${intermediary.map((s) => `[${s.title}]`).join(', ')}) are kept as claims, but only premises → argument → main conclusion is linked`,
          loc(argument),
          intermediary.length,
        );
      }
    }
  }

  adds.sort((a, b) => a.line - b.line).forEach((entry) => entry.add());
  bare.forEach((relate) => relate());

  const keyOf = (m: RelationMember | undefined): string | undefined => {
    if (!m) return undefined;
    if (m.type === ArgdownTypes.EQUIVALENCE_CLASS) return `s:${m.title}`;
    if (m.type === ArgdownTypes.ARGUMENT && !inferenceOnly.has(m.title ?? '')) return `a:${m.title}`;
    return undefined;
  };
  const plain: { kind: 'supports' | 'attacks'; from: string; to: string }[] = [];
  const undercuts: IRelation[] = [];
  const title = (key: string) => key.slice(2);
  for (const r of relations) {
    const from = keyOf(r.from);
    const to = keyOf(r.to);
    if (r.relationType === RelationType.UNDERCUT) {
      undercuts.push(r);
      continue;
    }
    if (!from || !to) {
      draft.skip('relations without a claim at one end', `${r.relationType} relation ${r.from?.title ?? '?'} → ${r.to?.title ?? r.to?.type ?? '?'}`, 'it does not connect two statements or arguments', at(r));
      continue;
    }
    const add = (kind: 'supports' | 'attacks', a: string, b: string) => {
      plain.push({ kind, from: a, to: b });
      draft.relate(kind, a, b, noteFor(a, `${kind} ${title(b)}`), at(r));
    };
    if (r.relationType === RelationType.SUPPORT || r.relationType === RelationType.ENTAILS) add('supports', from, to);
    else if (r.relationType === RelationType.ATTACK) add('attacks', from, to);
    else if (r.relationType === RelationType.CONTRARY || r.relationType === RelationType.CONTRADICTORY) {
      add('attacks', from, to);
      add('attacks', to, from);
    } else draft.skip('relations of an unknown type', `${r.relationType} relation ${r.from?.title} → ${r.to?.title}`, 'unknown relation type', at(r));
  }

  const plainFrom = new Map<string, typeof plain>();
  for (const p of plain) (plainFrom.get(p.from) ?? plainFrom.set(p.from, []).get(p.from)!).push(p);
  for (const r of undercuts) {
    const by = keyOf(r.from);
    const target = r.to;
    if (!by || !target) {
      draft.skip('undercuts without a target', `undercut ${r.from?.title ?? '?'} → ${target?.title ?? '?'}`, 'the undercutter is not a statement or argument', at(r));
      continue;
    }
    const undercut = (from: string, to: string) => draft.undercut(by, from, to, noteFor(by, `undercuts ${title(from)} ${title(to)}`), at(r));
    if (target.type === ArgdownTypes.INFERENCE) {
      const argTitle = target.argumentTitle ?? '';
      const bare = inferenceOnly.get(argTitle);
      if (bare) for (const p of bare.premises) undercut(p, bare.conclusion);
      else {
        const pcs = args[argTitle]?.pcs ?? [];
        undercut(`a:${argTitle}`, `s:${pcs[pcs.length - 1]?.title}`);
      }
      continue;
    }
    const source = keyOf(target);
    const outgoing = (source && plainFrom.get(source)) || [];
    if (!source || outgoing.length === 0) {
      draft.skip('undercuts without a target', `undercut by ${r.from?.title} of ${target.title}`, `${target.title} supports or attacks nothing, so there is no relation to undercut`, at(r));
      continue;
    }
    for (const p of outgoing) undercut(p.from, p.to);
  }
  for (const f of frames) {
    const to = statements[f.to] ? `s:${f.to}` : `a:${f.to}`;
    draft.frame(f.from, to, f.note ?? noteFor(f.from, `frames ${f.to}`), f.position);
  }

  if (tags.size) draft.skip('tags', `tags ${[...tags].sort().map((t) => `#${t}`).join(', ')}`, 'the site has no tags', undefined, tags.size);
  const sections = (response as { sections?: unknown[] }).sections?.length ?? 0;
  if (sections) draft.skip('headings', `${sections} heading${sections === 1 ? '' : 's'}`, 'the imported claims are on one page; headings are not kept', undefined, sections);
  const settings = Object.keys(frontMatter ?? {}).filter((key) => !FRONT_MATTER_KEYS.has(key) && !(key === 'model' && Object.keys(model ?? {}).every((k) => k === 'mode')));
  if (settings.length) draft.skip('front matter settings', `front matter ${settings.map((k) => `\`${k}\``).join(', ')}`, 'only `title`, `claimIds` and `model: mode` are read', '1:1', settings.length);
  const pageTitle = typeof frontMatter?.title === 'string' && frontMatter.title.trim() ? frontMatter.title.trim() : options.name;
  return singlePageResult(options, pageTitle, 'Argdown', draft);
}
