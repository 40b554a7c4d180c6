import DataLoader from 'dataloader';
import type { FieldNode } from 'graphql';
import type { Context } from '../context.js';
import { loadByIds, relationPages, type ListArgs } from './list.js';
import type { Page, ResourceDef, Row } from './resource.js';

/**
 * Request-scoped DataLoaders: one per (type) for lookups by id and one per (type, foreign
 * key, arguments) for relation pages, so a relation field costs a fixed number of
 * statements for a whole page of parents. Each batch applies the caller's scope.
 *
 * Relations loaded ahead for a field of the operation (relations.ts) are kept by field node:
 * the field's resolver finds its value there and answers synchronously.
 */
export class Loaders {
  private readonly loaders = new Map<string, DataLoader<number, unknown>>();
  private readonly prefetched = new Map<FieldNode, Map<number, unknown> | null>();

  constructor(private readonly ctx: Context) {}

  /** Rows by id; with `columns`, only those properties (and the id) are read. */
  byId<E extends Row>(def: ResourceDef<E>, columns?: readonly string[] | null): DataLoader<number, E | null> {
    return this.get(`id:${def.type}:${columns?.join(',') ?? '*'}`, () => new DataLoader<number, E | null>((ids) => loadByIds(this.ctx, def, ids, undefined, { columns })));
  }

  /** `withTotals: false` skips counting when only the items are wanted (e.g. the latest one). */
  page<E extends Row>(def: ResourceDef<E>, foreignKey: string, args: ListArgs, withTotals = true): DataLoader<number, Page<E>> {
    const key = `page:${def.type}:${foreignKey}:${withTotals}:${JSON.stringify(args)}`;
    return this.get(key, () => new DataLoader<number, Page<E>>((ids) => relationPages(this.ctx, def, foreignKey, ids, args, withTotals)));
  }

  /** What was loaded ahead for a field (by the key the resolver knows: the row's id or the parent's), or undefined. */
  loadedFor<V>(node: FieldNode, key: number): V | undefined {
    return this.prefetched.get(node)?.get(key) as V | undefined;
  }

  /** Everything kept for a field (rows or pages), or undefined when nothing is. */
  keptFor(node: FieldNode): unknown[] | undefined {
    const kept = this.prefetched.get(node);
    return kept ? [...kept.values()] : undefined;
  }

  /**
   * Keeps what was loaded ahead for a field. A field node reached twice (a fragment spread in
   * two places) keeps nothing: its two uses may select differently, so both resolve lazily.
   */
  keepFor(node: FieldNode, keys: readonly number[], values: readonly unknown[]): void {
    if (this.prefetched.has(node)) {
      this.prefetched.set(node, null);
      return;
    }
    this.prefetched.set(node, new Map(keys.map((key, i) => [key, values[i]])));
  }

  /** A batch loader of anything, keyed by `key` for the request (computed fields, joins). */
  custom<K, V>(key: string, batch: (keys: readonly K[]) => Promise<V[]>): DataLoader<K, V> {
    return this.get(`custom:${key}`, () => new DataLoader<K, V>(batch) as unknown as DataLoader<number, V>) as unknown as DataLoader<K, V>;
  }

  private get<V>(key: string, make: () => DataLoader<number, V>): DataLoader<number, V> {
    let loader = this.loaders.get(key) as DataLoader<number, V> | undefined;
    if (!loader) {
      loader = make();
      this.loaders.set(key, loader as DataLoader<number, unknown>);
    }
    return loader;
  }
}
