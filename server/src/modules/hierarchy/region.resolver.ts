import type { GraphQLResolveInfo } from 'graphql';
import { Args, Ctx, FieldResolver, Info, Resolver, Root } from 'type-graphql';
import type { Context } from '../../common/context.js';
import { RecordResolver, relationArgs } from '../../common/crud.resolver.js';
import { toMany } from '../../common/query/relations.js';
import type { ListArgs } from '../../common/query/list.js';
import { CountyPage, countyQuery } from './county.inputs.js';
import { countyResource } from './county.service.js';
import { DepartmentPage, departmentQuery } from './department.inputs.js';
import { departmentResource } from './department.service.js';
import { Region } from './region.entity.js';
import { CreateRegionInput, RegionPage, regionQuery, UpdateRegionInput } from './region.inputs.js';
import { regionService } from './region.service.js';

const CountyArgs = relationArgs(countyQuery);
const DepartmentArgs = relationArgs(departmentQuery);

const counties = toMany(Region, 'counties', () => countyResource, 'regionId');
const departments = toMany(Region, 'departments', () => departmentResource, 'regionId');

@Resolver(() => Region)
export class RegionResolver extends RecordResolver({
  type: 'Region',
  plural: 'regions',
  entity: Region,
  page: RegionPage,
  query: regionQuery,
  create: CreateRegionInput,
  byCode: true,
  update: UpdateRegionInput,
  service: regionService,
}) {
  @FieldResolver(() => CountyPage)
  counties(@Root() region: Region, @Args(() => CountyArgs) args: ListArgs, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo) {
    return counties.load(ctx, region, args, info);
  }

  @FieldResolver(() => DepartmentPage, { description: 'All departments of the region, county ones included; filter countyId.isNull for 地直 units.' })
  departments(@Root() region: Region, @Args(() => DepartmentArgs) args: ListArgs, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo) {
    return departments.load(ctx, region, args, info);
  }
}
