/** The content folder: `content/` unless CONTENT_ROOT points elsewhere (fixtures, benchmarks, imports). */
export function contentRoot(): string {
  return process.env.CONTENT_ROOT ?? './content';
}
