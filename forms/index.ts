// Placeholder barrel; the forms issue replaces it with the forms public API.
import type { Migration } from 'kysely';

export const formsMigrations: Record<string, Migration> = {};
