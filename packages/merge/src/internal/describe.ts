/** How a value of the wrong kind is named in an `EncodeError`: `the number 1.5`, `a Date`, `undefined`. */
export function describeValue(value: unknown): string {
  if (typeof value === 'number') return `the number ${value}`;
  if (value === null || value === undefined) return String(value);
  return typeof value === 'object' ? `a ${(value as object).constructor?.name ?? 'object'}` : `a ${typeof value}`;
}
