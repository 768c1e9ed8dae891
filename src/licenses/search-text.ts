/**
 * The one normalization used to index licenses (`licenses.search_text`) and to read a registry query, so that a
 * search is case- and diacritic-insensitive: `nghe an` finds `Nghệ An`, `ĐÀ` finds `da`.
 */
export function normalizeSearchText(text: string): string {
  return (
    text
      .normalize('NFD')
      // Combining marks: the Vietnamese tone and vowel marks once decomposed.
      .replace(/[\u0300-\u036f]/g, '')
      // đ/Đ is a letter of its own, not a d with a mark: NFD leaves it alone.
      .replace(/[đĐ]/g, 'd')
      .toLowerCase()
      .replace(/\s+/g, ' ')
      .trim()
  );
}

/** The indexed text of a license: its number, the organization's name, the site's name and its domains. */
export function licenseSearchText(parts: {
  number: string;
  organizationName: string;
  siteName: string;
  domains: readonly string[];
}): string {
  return normalizeSearchText([parts.number, parts.organizationName, parts.siteName, ...parts.domains].join(' '));
}

/** Escapes LIKE wildcards so that a user's `%` or `_` matches itself. */
export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}
