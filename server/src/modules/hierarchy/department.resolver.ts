import type { GraphQLResolveInfo } from 'graphql';
import { Args, Ctx, FieldResolver, Info, Resolver, Root } from 'type-graphql';
import type { Context } from '../../common/context.js';
import { RecordResolver, relationArgs } from '../../common/crud.resolver.js';
import { toMany, toOne } from '../../common/query/relations.js';
import type { ListArgs } from '../../common/query/list.js';
import { CadrePage, cadreQuery } from './cadre.inputs.js';
import { cadreResource } from './cadre.service.js';
import { County } from './county.entity.js';
import { countyResource } from './county.service.js';
import { Department } from './department.entity.js';
import { CreateDepartmentInput, DepartmentPage, departmentQuery, UpdateDepartmentInput } from './department.inputs.js';
import { departmentService } from './department.service.js';
import { Region } from './region.entity.js';
import { regionResource } from './region.service.js';

const CadreArgs = relationArgs(cadreQuery);

const region = toOne(Department, 'region', () => regionResource, 'regionId');
const county = toOne(Department, 'county', () => countyResource, 'countyId');
const cadres = toMany(Department, 'cadres', () => cadreResource, 'departmentId');

@Resolver(() => Department)
export class DepartmentResolver extends RecordResolver({
  type: 'Department',
  plural: 'departments',
  entity: Department,
  page: DepartmentPage,
  query: departmentQuery,
  create: CreateDepartmentInput,
  update: UpdateDepartmentInput,
  service: departmentService,
}) {
  @FieldResolver(() => Region, { nullable: true })
  region(@Root() department: Department, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo) {
    return region.load(ctx, department, info);
  }

  @FieldResolver(() => County, { nullable: true, description: 'null for a unit directly under the region (地直).' })
  county(@Root() department: Department, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo) {
    return county.load(ctx, department, info);
  }

  @FieldResolver(() => CadrePage)
  cadres(@Root() department: Department, @Args(() => CadreArgs) args: ListArgs, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo) {
    return cadres.load(ctx, department, args, info);
  }
}
