import { fileURLToPath } from 'node:url';

/** The app's folder (holds `prisma/`), wherever the repository is checked out. */
export const APP_DIR = fileURLToPath(new URL('..', import.meta.url));
