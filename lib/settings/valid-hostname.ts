/**
 * True for a hostname a site can have, as the URL parser gives it (lower case, punycode): DNS labels of
 * letters, digits, hyphens (and underscores, which some real hosts use), 1–63 characters, not starting or
 * ending with a hyphen, at most 253 in all (RFC 1123 §2.1); or an IPv4 address; or a bracketed IPv6 one.
 * Browsers' URL parsers accept far more ("not%20a%20site!!"), which is no site anyone can visit.
 */
export function isValidHostname(host: string): boolean {
  if (/^\[[0-9a-f:.]+\]$/.test(host)) return true;
  if (host.length === 0 || host.length > 253) return false;
  const labels = (host.endsWith('.') ? host.slice(0, -1) : host).split('.');
  return labels.every((label) => /^(?!-)[a-z0-9_-]{1,63}(?<!-)$/.test(label));
}
