/**
 * The README's shell examples, in order. A ```sh block runs unless the line before it is an
 * opt-out marker with a reason: `<!-- readme-test: skip (why it cannot run here) -->`.
 */
export interface ShellExample {
  /** 1-based line of the opening fence. */
  line: number;
  code: string;
  skipped?: { reason: string };
}

const fence = /^```(\w*)\s*$/;
const marker = /^<!--\s*readme-test:\s*skip\b(.*?)-->\s*$/;

export function shellExamples(markdown: string): ShellExample[] {
  const lines = markdown.split('\n');
  const examples: ShellExample[] = [];
  for (let index = 0; index < lines.length; index++) {
    const opening = fence.exec(lines[index] ?? '');
    if (!opening) continue;
    const end = lines.findIndex((text, at) => at > index && /^```\s*$/.test(text));
    if (end === -1) throw new Error(`README line ${index + 1}: a code block is never closed`);
    if (opening[1] === 'sh' || opening[1] === 'bash') {
      const example: ShellExample = { line: index + 1, code: lines.slice(index + 1, end).join('\n') };
      const before = marker.exec(lines[index - 1]?.trim() ?? '');
      if (before) {
        const reason = (before[1] ?? '').replace(/^[\s:(—-]+|[\s)]+$/g, '');
        if (reason === '') throw new Error(`README line ${index}: a readme-test skip marker needs a reason`);
        example.skipped = { reason };
      }
      examples.push(example);
    }
    index = end;
  }
  return examples;
}

/**
 * One bash script that runs the examples in order in one shell (so a variable set by one example
 * is there for the next), against the API on `port` instead of the README's 3000. curl fails on
 * an HTTP error status, so an example that answers 4xx/5xx fails the script; each example echoes a
 * header first, so the output says which one failed.
 */
export function scriptOf(examples: ShellExample[], port: number): string {
  const parts = [
    'set -euo pipefail',
    'curl() { command curl --fail-with-body --show-error "$@"; }',
    ...examples
      .filter((example) => !example.skipped)
      .map(
        (example) =>
          `printf '\\n### README line ${example.line}\\n'\n${example.code.replaceAll('localhost:3000', `localhost:${port}`)}`,
      ),
    "printf '\\n### all examples passed\\n'",
  ];
  return `${parts.join('\n')}\n`;
}
