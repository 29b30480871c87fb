/**
 * A finding's message ends with its rule's basis (`（${basis}）`, or `；${basis}` for the cell
 * rules). Lists that give the basis once per rule drop it from each line with this.
 */
export function withoutBasis(message: string, basis: string): string {
  for (const suffix of [`（${basis}）`, `；${basis}`]) if (message.endsWith(suffix)) return message.slice(0, -suffix.length);
  return message;
}
