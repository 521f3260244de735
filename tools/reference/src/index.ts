export * from './model.ts';
export { pagesFromOpenApi, typeOf } from './from-openapi.ts';
export { renderMarkdown, pageSlug } from './render-markdown.ts';
export { parseSeedText } from './seed-text.ts';
