/**
 * Query side of the `text_ngrams` index (migration 20261130130000): the pairs of adjacent
 * characters a substring must contain, or the single character for a one-character query.
 * Lower-cases ASCII only, as PostgreSQL's lower() does under the C locale.
 */
export function searchNgrams(query: string): string[] {
  const chars = Array.from(query.replace(/[A-Z]/g, (c) => c.toLowerCase()));
  if (chars.length <= 1) return chars;
  const pairs = new Set<string>();
  for (let i = 0; i < chars.length - 1; i++) pairs.add(chars[i] + chars[i + 1]);
  return [...pairs];
}
