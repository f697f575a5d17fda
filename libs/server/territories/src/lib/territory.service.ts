import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { NotFoundError } from '@convergence/server/core';
import type { TerritoryKind } from '@convergence/shared/domain';
import { In, Repository, type ObjectLiteral, type SelectQueryBuilder } from 'typeorm';
import { TerritoryEntity } from './territory.entity';

/** A territory and everything under it, ready to filter a query by `path`. */
export interface TerritorySubtree {
  code: string;
  /** Matches the territory and all its descendants with `LIKE`. */
  pathPattern: string;
}

@Injectable()
export class TerritoryService {
  constructor(@InjectRepository(TerritoryEntity) private readonly territories: Repository<TerritoryEntity>) {}

  findByCode(code: string): Promise<TerritoryEntity | null> {
    return this.territories.findOneBy({ code });
  }

  findByCodes(codes: readonly string[]): Promise<TerritoryEntity[]> {
    return this.territories.findBy({ code: In([...codes]) });
  }

  /**
   * Without a parent: the regions (or every territory of `kind`). With a parent: its direct children,
   * or, with `kind` too, every territory of that kind under it (e.g. the communes of a region).
   */
  async list(
    parentCode: string | null | undefined,
    kind: TerritoryKind | null | undefined,
  ): Promise<TerritoryEntity[]> {
    const query = this.territories.createQueryBuilder('t').orderBy('t.code');
    if (parentCode === undefined || parentCode === null) {
      return query.where('t.kind = :kind', { kind: kind ?? 'REGION' }).getMany();
    }
    const subtree = await this.subtree(parentCode);
    if (kind === undefined || kind === null)
      return query.where('t.parent_code = :code', { code: subtree.code }).getMany();
    return query
      .where('t.path LIKE :pattern', { pattern: subtree.pathPattern })
      .andWhere('t.code <> :code', { code: subtree.code })
      .andWhere('t.kind = :kind', { kind })
      .getMany();
  }

  /** The subtree rooted at `code`; an unknown code is a NOT_FOUND naming it. */
  async subtree(code: string): Promise<TerritorySubtree> {
    const territory = await this.territories.findOne({ where: { code }, select: { code: true, path: true } });
    if (!territory) throw new NotFoundError('Territory', 'error.unknownTerritory', { code });
    return { code: territory.code, pathPattern: `${territory.path}%` };
  }
}

/**
 * Keeps the rows whose `column` names a territory of `subtree` (the territory and everything under
 * it), by the path index: how every list and aggregate filters on `territoryCode`.
 */
export function whereTerritoryInSubtree<T extends ObjectLiteral>(
  query: SelectQueryBuilder<T>,
  column: string,
  subtree: TerritorySubtree,
  parameter = 'territoryPattern',
): SelectQueryBuilder<T> {
  return query.andWhere(`${column} IN (SELECT t.code FROM territory t WHERE t.path LIKE :${parameter})`, {
    [parameter]: subtree.pathPattern,
  });
}
