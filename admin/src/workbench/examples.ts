/**
 * The saved queries of schema/examples, bundled at build time: each file's leading comment
 * is its description, its `# role:` line the account it was written for.
 */
const files = import.meta.glob('../../../schema/examples/*.graphql', { query: '?raw', import: 'default', eager: true }) as Record<string, string>;

export interface Example {
  /** File name without `.graphql`, e.g. `scoreboard-2026`. */
  name: string;
  /** The operation's name, e.g. `Scoreboard2026`. */
  operation: string | null;
  description: string;
  role: string | null;
  text: string;
}

export const EXAMPLES: Example[] = Object.entries(files)
  .map(([path, text]) => {
    const name = path.replace(/^.*\//, '').replace(/\.graphql$/, '');
    const comments: string[] = [];
    let role: string | null = null;
    for (const line of text.split('\n')) {
      const m = /^#\s?(.*)$/.exec(line.trim());
      if (!m) break;
      const r = /^role:\s*(\S+)/.exec(m[1]);
      if (r) role = r[1];
      else comments.push(m[1]);
    }
    const operation = /\b(?:query|mutation)\s+(\w+)/.exec(text)?.[1] ?? null;
    return { name, operation, description: comments.join(' ').trim(), role, text };
  })
  .sort((a, b) => a.name.localeCompare(b.name));
