import 'reflect-metadata';
import { writeFileSync } from 'node:fs';
import { schemaSDL } from '../schema.js';

/** Writes schema/schema.graphql from the code (npm run schema). */
writeFileSync('schema/schema.graphql', await schemaSDL());
console.log('wrote schema/schema.graphql');
