/** The group's OpenAPI tag (an addition of this design; the catalog has no applications admin group). */
export const APPLICATIONS_TAG = 'Admin — applications';

/** The note every route of the group carries: these routes are not in the seed catalog. */
export const DESIGN_ADDITION = '(Addition of this design, not in the reference catalog.)';
