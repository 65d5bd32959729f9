/**
 * Myers' O((N+M)D) difference algorithm ("An O(ND) Difference Algorithm and
 * Its Variations", 1986), greedy forward search with the trace kept for the
 * way back. Used on node ids (tree-diff.ts) and on code points (text-diff.ts).
 */

/** Items a[aStart, aEnd) were replaced by b[bStart, bEnd); everything between segments matches. */
export interface Segment {
  readonly aStart: number;
  readonly aEnd: number;
  readonly bStart: number;
  readonly bEnd: number;
}

/**
 * The differing segments of sequences of lengths `n` and `m` (items equal
 * when `eq(i, j)`), in order, for a shortest edit script; undefined when
 * that script needs more than `maxD` insertions and deletions.
 */
export function diffSegments(n: number, m: number, eq: (i: number, j: number) => boolean, maxD: number): Segment[] | undefined {
  const max = n + m;
  const v = new Int32Array(2 * max + 2);
  const trace: Int32Array[] = [];
  for (let d = 0; d <= Math.min(max, maxD); d++) {
    trace.push(v.slice(max - d, max + d + 2));
    for (let k = -d; k <= d; k += 2) {
      let x = k === -d || (k !== d && v[max + k - 1]! < v[max + k + 1]!) ? v[max + k + 1]! : v[max + k - 1]! + 1;
      let y = x - k;
      while (x < n && y < m && eq(x, y)) {
        x++;
        y++;
      }
      v[max + k] = x;
      if (x >= n && y >= m) return segmentsOf(trace, n, m);
    }
  }
  return undefined;
}

/** Walks the trace back from (n, m) and groups the edits between matches into segments. */
function segmentsOf(trace: readonly Int32Array[], n: number, m: number): Segment[] {
  const out: Segment[] = [];
  let x = n;
  let y = m;
  let open: { aEnd: number; bEnd: number } | undefined;
  for (let d = trace.length - 1; d > 0; d--) {
    const v = trace[d]!;
    const k = x - y;
    const down = k === -d || (k !== d && v[k - 1 + d]! < v[k + 1 + d]!);
    const pk = down ? k + 1 : k - 1;
    const px = v[pk + d]!;
    const py = px - pk;
    const ex = down ? px : px + 1;
    const ey = down ? py + 1 : py;
    if (open !== undefined && (ex !== x || ey !== y)) {
      out.push({ aStart: x, aEnd: open.aEnd, bStart: y, bEnd: open.bEnd });
      open = undefined;
    }
    open ??= { aEnd: ex, bEnd: ey };
    x = px;
    y = py;
  }
  if (open !== undefined) out.push({ aStart: x, aEnd: open.aEnd, bStart: y, bEnd: open.bEnd });
  return out.reverse();
}
