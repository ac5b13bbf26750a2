/** ISO dates as readers write them: `2015-10-05` → "5 October 2015", `2015-10` → "October 2015", `2015` stays. */
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

export function formatIsoDate(iso: string): string {
  const match = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(iso);
  const month = match?.[2] ? MONTHS[Number(match[2]) - 1] : undefined;
  if (!match || (match[2] && !month)) return iso;
  return [match[3] ? String(Number(match[3])) : '', month ?? '', match[1]].filter(Boolean).join(' ');
}
