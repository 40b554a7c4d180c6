import DataLoader from 'dataloader';
import type { Context } from '../context.js';
import { loadByIds, relationPages, type ListArgs } from './list.js';
import type { Page, ResourceDef, Row } from './resource.js';

/**
 * Request-scoped DataLoaders: one per (type) for lookups by id and one per (type, foreign
 * key, arguments) for relation pages, so a relation field costs a fixed number of
 * statements for a whole page of parents. Each batch applies the caller's scope.
 */
export class Loaders {
  private readonly loaders = new Map<string, DataLoader<number, unknown>>();

  constructor(private readonly ctx: Context) {}

  byId<E extends Row>(def: ResourceDef<E>): DataLoader<number, E | null> {
    return this.get(`id:${def.type}`, () => new DataLoader<number, E | null>((ids) => loadByIds(this.ctx, def, ids)));
  }

  /** `withTotals: false` skips counting when only the items are wanted (e.g. the latest one). */
  page<E extends Row>(def: ResourceDef<E>, foreignKey: string, args: ListArgs, withTotals = true): DataLoader<number, Page<E>> {
    const key = `page:${def.type}:${foreignKey}:${withTotals}:${JSON.stringify(args)}`;
    return this.get(key, () => new DataLoader<number, Page<E>>((ids) => relationPages(this.ctx, def, foreignKey, ids, args, withTotals)));
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
