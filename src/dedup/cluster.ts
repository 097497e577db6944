/**
 * Clusters from verified pairs: union-find gives connected groups, then each group is split around
 * representatives so every member is itself a verified duplicate of its cluster's representative.
 * Without that check a chain A≈B≈C (each step a republication with a paragraph changed) could put
 * two unrelated articles A and C in one cluster.
 */

/** Union-find with path halving and union by size. */
export class UnionFind {
  private readonly parent: Int32Array;
  private readonly size: Int32Array;
  constructor(n: number) {
    this.parent = new Int32Array(n);
    this.size = new Int32Array(n).fill(1);
    for (let i = 0; i < n; i++) this.parent[i] = i;
  }
  find(x: number): number {
    const parent = this.parent;
    while (parent[x] !== x) {
      parent[x] = parent[parent[x]];
      x = parent[x];
    }
    return x;
  }
  union(x: number, y: number): void {
    let rx = this.find(x);
    let ry = this.find(y);
    if (rx === ry) return;
    if (this.size[rx] < this.size[ry]) [rx, ry] = [ry, rx];
    this.parent[ry] = rx;
    this.size[rx] += this.size[ry];
  }
  /** Groups of two or more elements, each sorted ascending, groups ordered by their first element. */
  groups(): number[][] {
    const byRoot = new Map<number, number[]>();
    for (let i = 0; i < this.parent.length; i++) {
      const root = this.find(i);
      const group = byRoot.get(root);
      if (group) group.push(i);
      else byRoot.set(root, [i]);
    }
    return [...byRoot.values()].filter((g) => g.length > 1).sort((a, b) => a[0] - b[0]);
  }
}

/** What the representative choice looks at. */
export interface Completeness {
  id: string;
  hasTitle: boolean;
  hasSite: boolean;
  hasDate: boolean;
  length: number;
}

function metadataCount(d: Completeness): number {
  return Number(d.hasTitle) + Number(d.hasSite) + Number(d.hasDate);
}

/** A copy holding at least this share of the longest body of its group counts as whole: a copy shorter than that is
 *  an excerpt or a teaser (its first paragraphs), never kept over the article for stating its title or date. */
const WHOLE_SHARE = 2 / 3;

/**
 * Order of preference for the kept copy: a whole body (see WHOLE_SHARE, against `longest`, the longest body of the
 * group; of the pair when not given), then more of title/site/date stated, then the longer body, then the smaller
 * id (code-unit order, locale-independent). Negative when `a` is preferred.
 */
export function compareCompleteness(a: Completeness, b: Completeness, longest = Math.max(a.length, b.length)): number {
  const whole = (d: Completeness): number => Number(d.length >= longest * WHOLE_SHARE);
  return (
    whole(b) - whole(a) ||
    metadataCount(b) - metadataCount(a) ||
    b.length - a.length ||
    (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
  );
}

/**
 * Splits one connected group into clusters: the most complete remaining document becomes a
 * representative and takes every remaining document `isDuplicate` accepts against it; repeat on
 * what is left. Documents matching no representative stay alone (not returned). `group` holds
 * indexes into `docs`; returned clusters list the representative first.
 */
export function splitAroundRepresentatives(
  group: readonly number[],
  docs: readonly Completeness[],
  isDuplicate: (representative: number, member: number) => boolean,
): number[][] {
  let remaining = [...group];
  const clusters: number[][] = [];
  while (remaining.length > 1) {
    // "Whole" is against the longest copy still unclustered: once it has taken its cluster, the next longest is.
    const longest = remaining.reduce((n, i) => Math.max(n, docs[i].length), 0);
    remaining.sort((x, y) => compareCompleteness(docs[x], docs[y], longest));
    const [representative, ...rest] = remaining;
    const members = [representative];
    const left: number[] = [];
    for (const m of rest) (isDuplicate(representative, m) ? members : left).push(m);
    if (members.length > 1) clusters.push(members);
    remaining = left;
  }
  return clusters;
}
