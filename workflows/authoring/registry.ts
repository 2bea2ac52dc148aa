import type { FormSpec } from './form-dsl';
import type { ProcessSpec } from './model';
import { addictionDetermination } from './procedures/addiction-determination';
import { addictionDeterminationForms } from './forms/addiction-determination.forms';

/** Every procedure spec, in the order of procedures.ts. */
export const processSpecs: ProcessSpec[] = [addictionDetermination];
export const formSpecs: FormSpec[] = [...addictionDeterminationForms];
