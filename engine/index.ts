// Placeholder barrel; the engine issue replaces it with the engine's public API.
import type { Migration } from 'kysely';

export const engineMigrations: Record<string, Migration> = {};
