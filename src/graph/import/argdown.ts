/**
 * Argdown → site claims, using `@argdown/core` (ParserPlugin, DataPlugin, ModelPlugin) to parse and build the model.
 *
 * Mapping:
 * - every statement (equivalence class) becomes a `claim`; its text is the canonical member's text (tags removed),
 *   its id comes from the title, and the title becomes the map label (unless it is an automatic "Untitled N").
 *   Statement data `{kind: question}` makes a question; `{by, answers, label, note}` are read as the site's fields
 *   (so `exportArgdown` round-trips); `by` must be a known actor.
 * - every argument becomes a `claim` (text: its description, or its title), except a reconstructed argument with
 *   no description, a single inference and no relations of its own: that is read as the inference itself
 *   (each premise `supports` the conclusion), which is how `exportArgdown` writes an undercut support.
 * - a premise–conclusion structure: each premise `supports` the argument, the argument `supports` the main
 *   conclusion (as Argdown's own map draws it); intermediary inference steps are not kept (reported).
 * - support and entails → `supports`; attack and contrary → `attacks`; contradictory → `attacks` both ways.
 * - undercut of an inference → `undercuts` of the argument's support of its conclusion (of each premise's support
 *   for a read-as-inference argument); undercut of an argument or statement → `undercuts` of each supports/attacks
 *   relation that goes out of it (reported if there is none).
 * - headings, tags and everything else are not imported (tags reported).
 */
import {
  ArgdownApplication,
  ArgdownTypes,
  DataPlugin,
  IArgument,
  IEquivalenceClass,
  ModelPlugin,
  ParserPlugin,
  RelationType,
  StatementRole,
  type IArgdownRequest,
  type IRelation,
  type RelationMember,
} from '@argdown/core';
import { createDraft, findActor, singlePageResult } from './common.ts';
import { ImportError, type ImportOptions, type ImportResult } from './types.ts';

const app = new ArgdownApplication();
app.addPlugin(new ParserPlugin(), 'parse-input');
app.addPlugin(new DataPlugin(), 'build-model');
app.addPlugin(new ModelPlugin(), 'build-model');

const AUTO_TITLE = /^Untitled \d+$/;

type Data = Record<string, unknown> | undefined;
const str = (data: Data, key: string) => (typeof data?.[key] === 'string' && (data[key] as string).trim() ? (data[key] as string).trim() : undefined);

/** Parse Argdown text into pages of claims; throws `ImportError` (file, line:column) on a syntax error. */
export function importArgdown(text: string, options: ImportOptions): ImportResult {
  const request = {
    input: text,
    process: ['parse-input', 'build-model'],
    logLevel: 'none',
    logExceptions: false,
    model: { removeTagsFromText: true },
    data: { frontMatterSettingsMode: 'ignore' },
  } as IArgdownRequest;
  const response = app.run(request);

  const lexer = response.lexerErrors?.[0];
  if (lexer) throw new ImportError(options.file, `${lexer.line}:${lexer.column}`, `Argdown syntax error: ${lexer.message}`);
  const parser = response.parserErrors?.[0];
  if (parser) {
    const more = response.parserErrors!.length > 1 ? ` (and ${response.parserErrors!.length - 1} more)` : '';
    throw new ImportError(options.file, `${parser.token.startLine ?? 1}:${parser.token.startColumn ?? 1}`, `Argdown syntax error: ${parser.message}${more}`);
  }
  const exception = response.exceptions?.[0];
  if (exception) throw new ImportError(options.file, '1:1', `Argdown model error: ${exception.message}`);

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

  /** Kind, actor, note and answers from a statement's or argument's data. */
  const addWithData = (key: string, slug: string, body: string, title: string | undefined, data: Data, canBeQuestion: boolean, origin: string) => {
    const speaker = str(data, 'by');
    const actor = speaker ? findActor(options.actors, speaker) : undefined;
    const notes = [str(data, 'note'), speaker && !actor ? `Said by ${speaker}.` : undefined].filter(Boolean).join(' ');
    draft.addClaim(key, {
      slug,
      text: body,
      label: typeof data?.label === 'string' ? data.label : title,
      kind: canBeQuestion && str(data, 'kind') === 'question' ? 'question' : 'claim',
      by: actor?.id,
      note: notes,
      origin,
    });
    const answers = str(data, 'answers');
    if (answers) draft.answer(key, `s:${answers}`);
  };

  // Claims in the order they first appear in the file.
  const adds: { line: number; add: () => void }[] = [];
  for (const [title, ec] of Object.entries(statements)) {
    const auto = AUTO_TITLE.test(title);
    const body = IEquivalenceClass.getCanonicalMemberText(ec)?.trim() || title;
    const line = Math.min(...ec.members.map((m) => m.startLine ?? Infinity));
    adds.push({ line, add: () => addWithData(`s:${title}`, auto ? body : title, body, auto ? undefined : title, ec.data as Data, true, `[${title}]`) });
    ec.tags?.forEach((t) => tags.add(t));
  }

  // Arguments: a claim each, unless read as a bare inference.
  const inferenceOnly = new Map<string, { premises: string[]; conclusion: string }>();
  for (const [title, argument] of Object.entries(args)) {
    argument.tags?.forEach((t) => tags.add(t));
    const description = IArgument.getCanonicalMemberText(argument)?.trim();
    const pcs = argument.pcs ?? [];
    const conclusion = pcs[pcs.length - 1];
    const premises = pcs.filter((s) => s.role === StatementRole.PREMISE).map((s) => `s:${s.title}`);
    const intermediary = pcs.filter((s) => s.role === StatementRole.INTERMEDIARY_CONCLUSION);
    const hasOwnRelations = relations.some((r) => (r.to === argument && r.relationType !== RelationType.UNDERCUT) || r.from === argument);
    if (pcs.length > 0 && !description && intermediary.length === 0 && !hasOwnRelations) {
      inferenceOnly.set(title, { premises, conclusion: `s:${conclusion.title}` });
      draft.skip(`argument <${title}> as a node`, 'it has no text of its own: read as the inference from its premises to its conclusion', loc(argument));
      for (const p of premises) draft.relate('supports', p, `s:${conclusion.title}`, undefined, loc(argument));
      continue;
    }
    const member = IArgument.getCanonicalMember(argument);
    const line = Math.min(argument.startLine ?? Infinity, ...argument.members.map((m) => m.startLine ?? Infinity));
    adds.push({ line, add: () => addWithData(`a:${title}`, title, description || title, title, (member?.data ?? argument.data) as Data, false, `<${title}>`) });
    if (pcs.length > 0) {
      for (const p of premises) draft.relate('supports', p, `a:${title}`, undefined, loc(argument));
      draft.relate('supports', `a:${title}`, `s:${conclusion.title}`, undefined, loc(argument));
      if (intermediary.length) {
        draft.skip(
          `inference steps inside <${title}>`,
          `intermediary conclusions (${intermediary.map((s) => `[${s.title}]`).join(', ')}) are kept as claims, but only premises → argument → main conclusion is linked`,
          loc(argument),
        );
      }
    }
  }

  adds.sort((a, b) => a.line - b.line).forEach((entry) => entry.add());

  const keyOf = (m: RelationMember | undefined): string | undefined => {
    if (!m) return undefined;
    if (m.type === ArgdownTypes.EQUIVALENCE_CLASS) return `s:${m.title}`;
    if (m.type === ArgdownTypes.ARGUMENT && !inferenceOnly.has(m.title ?? '')) return `a:${m.title}`;
    return undefined;
  };
  const plain: { kind: 'supports' | 'attacks'; from: string; to: string }[] = [];
  const undercuts: IRelation[] = [];
  for (const r of relations) {
    const from = keyOf(r.from);
    const to = keyOf(r.to);
    if (r.relationType === RelationType.UNDERCUT) {
      undercuts.push(r);
      continue;
    }
    if (!from || !to) {
      draft.skip(`${r.relationType} relation ${r.from?.title ?? '?'} → ${r.to?.title ?? r.to?.type ?? '?'}`, 'it does not connect two statements or arguments', at(r));
      continue;
    }
    const add = (kind: 'supports' | 'attacks', a: string, b: string) => {
      plain.push({ kind, from: a, to: b });
      draft.relate(kind, a, b, undefined, at(r));
    };
    if (r.relationType === RelationType.SUPPORT || r.relationType === RelationType.ENTAILS) add('supports', from, to);
    else if (r.relationType === RelationType.ATTACK || r.relationType === RelationType.CONTRARY) add('attacks', from, to);
    else if (r.relationType === RelationType.CONTRADICTORY) {
      add('attacks', from, to);
      add('attacks', to, from);
    } else draft.skip(`${r.relationType} relation ${r.from?.title} → ${r.to?.title}`, 'unknown relation type', at(r));
  }

  for (const r of undercuts) {
    const by = keyOf(r.from);
    const target = r.to;
    if (!by || !target) {
      draft.skip(`undercut ${r.from?.title ?? '?'} → ${target?.title ?? '?'}`, 'the undercutter is not a statement or argument', at(r));
      continue;
    }
    if (target.type === ArgdownTypes.INFERENCE) {
      const argTitle = target.argumentTitle ?? '';
      const bare = inferenceOnly.get(argTitle);
      if (bare) for (const p of bare.premises) draft.undercut(by, p, bare.conclusion, undefined, at(r));
      else {
        const pcs = args[argTitle]?.pcs ?? [];
        draft.undercut(by, `a:${argTitle}`, `s:${pcs[pcs.length - 1]?.title}`, undefined, at(r));
      }
      continue;
    }
    const source = keyOf(target);
    const outgoing = plain.filter((p) => p.from === source);
    if (!source || outgoing.length === 0) {
      draft.skip(`undercut by ${r.from?.title} of ${target.title}`, `${target.title} supports or attacks nothing, so there is no relation to undercut`, at(r));
      continue;
    }
    for (const p of outgoing) draft.undercut(by, p.from, p.to, undefined, at(r));
  }

  if (tags.size) draft.skip(`tags ${[...tags].sort().map((t) => `#${t}`).join(', ')}`, 'the site has no tags');
  const frontMatter = (response as { frontMatter?: Data }).frontMatter;
  return singlePageResult(options, str(frontMatter, 'title') ?? options.name, 'Argdown', draft);
}
