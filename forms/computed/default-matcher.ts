import type { ValidateFunction } from 'ajv';
import type Ajv2019 from 'ajv/dist/2019';
import type { FormSchema, JsonValue } from '../form.types';
import { createFormsAjv } from '../validation/ajv.factory';
import type { SchemaMatcher } from './active-branches';

let lenientAjv: Ajv2019 | undefined;
const cache = new WeakMap<FormSchema, WeakMap<FormSchema, ValidateFunction | null>>();

/**
 * Default branch matcher: a lenient ajv (same formats and keywords) compiling the subschema together
 * with the root's definitions so local $refs resolve. A subschema that does not compile never matches.
 */
export const defaultMatcher: SchemaMatcher = (subschema: FormSchema, value: JsonValue, root: FormSchema) => {
  let perRoot = cache.get(root);
  if (!perRoot) {
    perRoot = new WeakMap();
    cache.set(root, perRoot);
  }
  let validate = perRoot.get(subschema);
  if (validate === undefined) {
    lenientAjv ??= createFormsAjv({ strict: false, allErrors: false });
    try {
      const withDefs: FormSchema = { ...subschema };
      if (root.definitions && !subschema.definitions) withDefs.definitions = root.definitions;
      if (root.$defs && !subschema.$defs) withDefs.$defs = root.$defs;
      delete withDefs.$id;
      delete withDefs.$schema;
      validate = lenientAjv.compile(withDefs);
      // We own the cache (WeakMap above); do not let ajv keep every compiled schema forever.
      lenientAjv.removeSchema(withDefs);
    } catch {
      validate = null;
    }
    perRoot.set(subschema, validate);
  }
  return validate ? validate(value) === true : false;
};
