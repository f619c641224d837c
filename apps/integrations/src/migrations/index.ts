/** Applied in this order by the migration command; each file is `<epoch-ms>-<PascalName>.ts`. */
export const migrations = [];
