import type { GraphQLResolveInfo } from 'graphql';
import { Args, Ctx, FieldResolver, Info, Resolver, Root } from 'type-graphql';
import type { Context } from '../../common/context.js';
import { RecordResolver, relationArgs } from '../../common/crud.resolver.js';
import { toMany, toOne } from '../../common/query/relations.js';
import type { ListArgs } from '../../common/query/list.js';
import { County } from './county.entity.js';
import { CountyPage, countyQuery, CreateCountyInput, UpdateCountyInput } from './county.inputs.js';
import { countyService } from './county.service.js';
import { DepartmentPage, departmentQuery } from './department.inputs.js';
import { departmentResource } from './department.service.js';
import { Region } from './region.entity.js';
import { regionResource } from './region.service.js';

const DepartmentArgs = relationArgs(departmentQuery);

const region = toOne(County, 'region', () => regionResource, 'regionId');
const departments = toMany(County, 'departments', () => departmentResource, 'countyId');

@Resolver(() => County)
export class CountyResolver extends RecordResolver({
  type: 'County',
  plural: 'counties',
  entity: County,
  page: CountyPage,
  query: countyQuery,
  create: CreateCountyInput,
  byCode: true,
  update: UpdateCountyInput,
  service: countyService,
}) {
  @FieldResolver(() => Region, { nullable: true })
  region(@Root() county: County, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo) {
    return region.load(ctx, county, info);
  }

  @FieldResolver(() => DepartmentPage)
  departments(@Root() county: County, @Args(() => DepartmentArgs) args: ListArgs, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo) {
    return departments.load(ctx, county, args, info);
  }
}
