/** The joins that name a record's owner and editors; `r` is the record's alias. */
export function metaJoins(r: string): string {
  return `JOIN users o ON o.id = ${r}.owner_id
    JOIN users cu ON cu.id = ${r}.created_by_id
    JOIN users uu ON uu.id = ${r}.updated_by_id`;
}

export const META_NAMES = 'o.name AS owner_name, cu.name AS created_by_name, uu.name AS updated_by_name';

/** The bookkeeping fields every record returns, from a row selected with metaJoins. */
export function metaFromRow(r: Record<string, any>) {
  return {
    id: r.id as number,
    version: r.version as number,
    createdAt: r.created_at as string,
    createdBy: { id: r.created_by_id as number, name: r.created_by_name as string },
    updatedAt: r.updated_at as string,
    updatedBy: { id: r.updated_by_id as number, name: r.updated_by_name as string },
    deletedAt: r.deleted_at as string | null,
    owner: { id: r.owner_id as number, name: r.owner_name as string },
  };
}
