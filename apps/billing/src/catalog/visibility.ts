/** The shop window: active and public entries only, unless an admin asked for everything. */
export const shown = (includeHidden: boolean) => (includeHidden ? {} : { isActive: true, isPublic: true });
