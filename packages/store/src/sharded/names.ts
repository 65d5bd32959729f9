/**
 * Entry names of shard trees: `<hex digit>-<entry count>` (`a-1534`), valid
 * Git names that sort by digit and let a reader know a shard's size without
 * opening it.
 */
const HEX = '0123456789abcdef';

export function shardName(digit: number, count: number): string {
  return `${HEX[digit]}-${count}`;
}

/** The digit and count a name holds, or undefined when it is not a shard name. */
export function parseShardName(name: string): { digit: number; count: number } | undefined {
  const digit = HEX.indexOf(name[0] ?? '-');
  if (digit < 0 || name[1] !== '-' || name[2] === '0' || name.length < 3 || name.length > 18) return undefined;
  let count = 0;
  for (let i = 2; i < name.length; i++) {
    const d = name.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return undefined;
    count = count * 10 + d;
  }
  return { digit, count };
}

export function hexDigit(digit: number): string {
  return HEX[digit]!;
}
