import type { GraphQLResolveInfo } from 'graphql';
import { Ctx, FieldResolver, Info, Resolver, Root } from 'type-graphql';
import type { Context } from '../../common/context.js';
import { RecordResolver } from '../../common/crud.resolver.js';
import { toOne } from '../../common/query/relations.js';
import { Cadre } from './cadre.entity.js';
import { CadrePage, cadreQuery, CreateCadreInput, UpdateCadreInput } from './cadre.inputs.js';
import { cadreService } from './cadre.service.js';
import { Department } from './department.entity.js';
import { departmentResource } from './department.service.js';

const department = toOne(Cadre, 'department', () => departmentResource, 'departmentId');

@Resolver(() => Cadre)
export class CadreResolver extends RecordResolver({
  type: 'Cadre',
  plural: 'cadres',
  entity: Cadre,
  page: CadrePage,
  query: cadreQuery,
  create: CreateCadreInput,
  update: UpdateCadreInput,
  service: cadreService,
}) {
  @FieldResolver(() => Department, { nullable: true })
  department(@Root() cadre: Cadre, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo) {
    return department.load(ctx, cadre, info);
  }

  @FieldResolver(() => String, { nullable: true, description: 'Hidden (null) for ANALYST users.' })
  phone(@Root() cadre: Cadre, @Ctx() ctx: Context) {
    return cadreService.phoneFor(ctx, cadre);
  }
}
