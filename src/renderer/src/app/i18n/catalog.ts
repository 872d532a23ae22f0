// A feature's Spanish catalog has exactly the English one's keys: `CatalogOf<typeof en>` makes a
// missing or extra key a type error, so no screen silently falls back to English.
export type CatalogOf<T extends Record<string, string>> = { readonly [K in keyof T]: string }
