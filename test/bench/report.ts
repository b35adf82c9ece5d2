// One row of `npm run bench`: label, figure, and the goal it is measured against (issue 12).
export const row = (label: string, value: string | number, goal = ''): string => `${label.padEnd(58)} ${String(value).padStart(10)} ${goal}`;

export const printBlock = (title: string, lines: string[]): void => {
  process.stdout.write(`\n${title}\n${lines.join('\n')}\n\n`);
};

export const median = (values: number[]): number => {
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? (s[mid] ?? 0) : ((s[mid - 1] ?? 0) + (s[mid] ?? 0)) / 2;
};

export const mib = (bytes: number): string => (bytes / 1024 / 1024).toFixed(1);
