/** Types of public-page-cache.mjs (Next's cache handler, plain JavaScript). */
export function inlineScriptHashes(html: string): string[];
declare const PublicPageCache: new (...args: never[]) => object;
export default PublicPageCache;
