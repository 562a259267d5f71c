/**
 * The product's name, as page titles, the marketing header and emails show it. A team that clones
 * the starter renames its product here. No `server-only`: pages and emails both use it.
 */
export const BRAND_NAME = "Starter";
