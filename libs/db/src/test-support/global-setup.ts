import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { prismaGenerate } from '../prisma-generate.ts';
import { sampleAppDir } from './sample-app.ts';

/** The client test imports the sample app's generated client; generate it when missing. */
export default async function setup(): Promise<void> {
  if (!existsSync(join(sampleAppDir, 'src', 'generated', 'prisma', 'client.ts'))) {
    await prismaGenerate(sampleAppDir);
  }
}
