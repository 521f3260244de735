// Writes the API reference pages (one markdown file per endpoint group) from the live
// OpenAPI document: `npm run reference -- [--from URL|FILE|build] [--out DIR]`.
// `--from build` builds the document in-process from the gateway's route schemas.
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { pagesFromOpenApi } from './from-openapi.ts';
import { buildOpenApiDocument } from './openapi-document.ts';
import { pageSlug, renderMarkdown } from './render-markdown.ts';

const { values } = parseArgs({
  options: {
    from: { type: 'string', default: 'http://127.0.0.1:8080/api/v1/openapi.json' },
    out: { type: 'string', default: 'docs/reference' },
  },
});

async function loadDocument(from: string): Promise<Record<string, unknown>> {
  if (from === 'build') return buildOpenApiDocument();
  if (/^https?:\/\//.test(from)) {
    const response = await fetch(from);
    if (!response.ok) throw new Error(`GET ${from} answered ${response.status}`);
    return (await response.json()) as Record<string, unknown>;
  }
  return JSON.parse(await readFile(from, 'utf8')) as Record<string, unknown>;
}

try {
  const document = await loadDocument(values.from as string);
  await mkdir(values.out as string, { recursive: true });
  for (const page of pagesFromOpenApi(document)) {
    const file = join(values.out as string, `${pageSlug(page.group)}.md`);
    await writeFile(file, renderMarkdown(page));
    console.log(`${file}: ${page.endpoints.length} endpoints`);
  }
} catch (error) {
  console.error(`Could not write the reference: ${(error as Error).message}. Is the platform running (npm start)?`);
  process.exit(1);
}
